using System.Globalization;
using Spm.Domain.Territories;
using Xunit.Abstractions;

namespace Spm.Domain.Tests.Territories;

public sealed class ResolverPerfTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Perf")]
    public void Resolves_a_large_book_and_agrees_with_the_naive_resolver_on_a_sample()
    {
        // 5 countries > 10 states each > 10 leaves each = 500 leaves, mostly postal-prefix rules, a fifth with a size band.
        // Time by hand: dotnet test -c Release --filter Category=Perf --logger "console;verbosity=detailed".
        var random = new Random(5);
        var territories = new List<TerritoryDefinition>();
        var next = 1;
        for (var c = 0; c < 5; c++)
        {
            var country = new TerritoryDefinition(RandomTerritories.Guid(next++), $"C{c}", null, c, new(2020, 1, 1), null, new EqualsRule("country", $"C{c}"));
            territories.Add(country);
            for (var s = 0; s < 10; s++)
            {
                var state = new TerritoryDefinition(RandomTerritories.Guid(next++), $"C{c}S{s}", country.Id, s, new(2020, 1, 1), null, new InListRule("region", [$"S{s}", $"S{s + 10}"]));
                territories.Add(state);
                for (var l = 0; l < 10; l++)
                {
                    RuleExpression prefix = new PostalPrefixRule([$"{l}", $"{(l + 3) % 10}{random.Next(10)}"]);
                    var rule = random.Next(5) == 0 ? new AllOfRule([prefix, new RangeRule("employeeCount", 0m, 500m)]) : prefix;
                    territories.Add(new TerritoryDefinition(RandomTerritories.Guid(next++), $"C{c}S{s}L{l}", state.Id, l, new(2020, 1, 1), null, rule));
                }
            }
        }

        var hierarchy = TerritoryHierarchy.Create(territories);
        var accounts = Enumerable.Range(0, 100_000).Select(i => new AccountAttributes(
            RandomTerritories.Guid(1_000_000 + i),
            $"C{random.Next(6)}",
            $"S{random.Next(20)}",
            null,
            null,
            random.Next(100_000).ToString("00000", CultureInfo.InvariantCulture),
            null,
            random.Next(1000),
            0m,
            0m)).ToArray();
        var day = new DateOnly(2025, 1, 1);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var resolver = TerritoryResolver.Compile(hierarchy, day);
        var compileMs = clock.ElapsedMilliseconds;
        _ = resolver.ResolveAll(accounts[..1000]); // warm up (JIT) before timing
        // The build machine is shared: report CPU time as well as wall time.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var assignments = resolver.ResolveAll(accounts);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine($"{resolver.LeafCount} leaves compiled in {compileMs} ms; {accounts.Length} accounts in {seconds * 1000:0} ms = {accounts.Length / seconds:0} accounts/s wall, {cpuSeconds * 1000:0} ms CPU = {accounts.Length / cpuSeconds:0} accounts/CPU-s; {assignments.Count(a => a.TerritoryId is not null)} assigned");

        var naive = new NaiveTerritoryResolver(hierarchy, day);
        for (var i = 0; i < accounts.Length; i += 50)
        {
            Assert.Equal(naive.Resolve(accounts[i]).TerritoryId, assignments[i].TerritoryId);
        }
    }
}
