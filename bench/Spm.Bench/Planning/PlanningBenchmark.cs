using System.Diagnostics;
using System.Globalization;
using Spm.Domain.Territories;

namespace Spm.Bench.Planning;

/// <summary>
/// `./spm bench planning`: territory resolution for 100,000 accounts against 500 territories (target 200,000
/// accounts/s, the naive resolver as the baseline, agreement checked), and the rebalancer on 100,000 accounts / 200
/// sibling territories (target under 5 s, balance index before and after). Pure CPU: no servers needed.
/// </summary>
internal sealed class PlanningBenchmark : IBenchmark
{
    private const int Accounts = 100_000;
    private const int NaiveSample = 20_000;

    public string Name => "planning";

    public string Summary => "territory resolution (100k accounts x 500 territories) and rebalancing (100k accounts / 200 territories)";

    public Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine($"cpu: {CpuModel()}");
        Resolution();
        cancellationToken.ThrowIfCancellationRequested();
        Rebalancing();
        return Task.CompletedTask;
    }

    private static void Resolution()
    {
        var (hierarchy, accounts) = Book(seed: 5);
        var day = new DateOnly(2025, 1, 1);
        var compile = Stopwatch.StartNew();
        var resolver = TerritoryResolver.Compile(hierarchy, day);
        var compileMs = compile.Elapsed.TotalMilliseconds;
        Console.WriteLine($"resolution: {resolver.LeafCount} leaf territories, {accounts.Length:N0} accounts");
        BenchContext.Report("compile the resolver", compileMs, "ms");

        // Best of three after a warm-up: the machine is shared, the best run is the least disturbed.
        IReadOnlyList<TerritoryAssignment> assignments = [];
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        for (var run = 0; run < 4; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            assignments = resolver.ResolveAll(accounts);
            var seconds = watch.Elapsed.TotalSeconds;
            if (run > 0)
            {
                best = Math.Min(best, seconds);
                bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }
        }

        var compiledRate = accounts.Length / best;
        BenchContext.Report("compiled resolver (wall, best of 3)", compiledRate, "accounts/s", compiledRate >= 200_000 ? "target >= 200,000: met" : "target >= 200,000: MISSED");
        BenchContext.Report("compiled resolver (CPU time)", accounts.Length / bestCpu, "accounts/s");

        var naive = new NaiveTerritoryResolver(hierarchy, day);
        var sample = accounts[..NaiveSample];
        var naiveWatch = Stopwatch.StartNew();
        var expected = sample.Select(naive.Resolve).ToArray();
        var naiveRate = sample.Length / naiveWatch.Elapsed.TotalSeconds;
        BenchContext.Report($"naive resolver, baseline ({NaiveSample:N0} accounts)", naiveRate, "accounts/s", string.Create(CultureInfo.InvariantCulture, $"compiled is {compiledRate / naiveRate:0.0}x"));

        var disagreements = expected.Where((e, i) => e.TerritoryId != assignments[i].TerritoryId || !e.Path.SequenceEqual(assignments[i].Path)).Count();
        BenchContext.Report("disagreements with the naive resolver", disagreements, "accounts", disagreements == 0 ? "agree" : "DISAGREE");
        BenchContext.Report("accounts assigned", assignments.Count(a => a.TerritoryId is not null), "accounts");
        if (disagreements > 0)
        {
            throw new InvalidOperationException($"The compiled resolver disagrees with the naive one on {disagreements} accounts.");
        }
    }

    private static void Rebalancing()
    {
        var (siblings, units) = RebalanceBook(seed: 11, territories: 200, accounts: Accounts);
        Console.WriteLine($"rebalancing: {units.Count:N0} accounts over {siblings.Length} sibling territories, skewed ownership");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var proposal = Rebalancer.Propose(siblings, units, new RebalanceOptions(MinimumGain: 0.00001m));
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        BenchContext.Report("rebalancer (wall)", seconds, "s", seconds < 5 ? "target < 5 s: met" : "target < 5 s: MISSED");
        BenchContext.Report("rebalancer (CPU time)", cpuSeconds, "s");
        BenchContext.Report("moves proposed", proposal.Moves.Count, "moves");
        foreach (var balance in proposal.Balance)
        {
            BenchContext.Report($"balance index {balance.Metric}: before", (double)balance.Before, "CV", balance.Before.ToString("0.0000", CultureInfo.InvariantCulture));
            BenchContext.Report($"balance index {balance.Metric}: after", (double)balance.After, "CV", balance.After.ToString("0.0000", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>5 countries > 10 states each > 10 leaves each = 500 leaves: postal-prefix rules, a fifth with a size band.</summary>
    internal static (TerritoryHierarchy Hierarchy, AccountAttributes[] Accounts) Book(int seed)
    {
        var random = new Random(seed);
        var territories = new List<TerritoryDefinition>();
        var next = 1;
        for (var c = 0; c < 5; c++)
        {
            var country = new TerritoryDefinition(Id(next++), $"C{c}", null, c, new(2020, 1, 1), null, new EqualsRule("country", $"C{c}"));
            territories.Add(country);
            for (var s = 0; s < 10; s++)
            {
                var state = new TerritoryDefinition(Id(next++), $"C{c}S{s}", country.Id, s, new(2020, 1, 1), null, new InListRule("region", [$"S{s}", $"S{s + 10}"]));
                territories.Add(state);
                for (var l = 0; l < 10; l++)
                {
                    RuleExpression prefix = new PostalPrefixRule([$"{l}", $"{(l + 3) % 10}{random.Next(10)}"]);
                    var rule = random.Next(5) == 0 ? new AllOfRule([prefix, new RangeRule("employeeCount", 0m, 500m)]) : prefix;
                    territories.Add(new TerritoryDefinition(Id(next++), $"C{c}S{s}L{l}", state.Id, l, new(2020, 1, 1), null, rule));
                }
            }
        }

        var accounts = Enumerable.Range(0, Accounts).Select(i => new AccountAttributes(
            Id(1_000_000 + i),
            $"C{random.Next(6)}",
            $"S{random.Next(20)}",
            null,
            null,
            random.Next(100_000).ToString("00000", CultureInfo.InvariantCulture),
            null,
            random.Next(1000),
            0m,
            0m)).ToArray();
        return (TerritoryHierarchy.Create(territories), accounts);
    }

    /// <summary>Skewed ownership: low-numbered territories hold far more accounts, as after years of ad-hoc assignment.</summary>
    internal static (Guid[] Siblings, IReadOnlyList<RebalanceUnit> Units) RebalanceBook(int seed, int territories, int accounts)
    {
        var random = new Random(seed);
        var siblings = Enumerable.Range(1, territories).Select(Id).ToArray();
        var rows = Enumerable.Range(0, accounts).Select(i =>
        {
            var t = (int)(territories * Math.Pow(random.NextDouble(), 2));
            return new RebalanceAccount(Id(1_000_000 + i), siblings[t], $"{random.Next(100_000):00000}", random.Next(1, 1000));
        });
        return (siblings, Rebalancer.UnitsByAccount(rows));
    }

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
