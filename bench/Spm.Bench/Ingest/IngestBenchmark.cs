using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Spm.Domain.Sales;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Ingest;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Sales;

namespace Spm.Bench.Ingest;

/// <summary>
/// `./spm bench ingest [SALES]`: generates an NDJSON file of 1,000,000 sales (75 % single owner, 25 % split
/// 60/40 with a team-mate, a third in EUR; direct + split + three levels of roll-up, about 4.25 credits per sale),
/// imports it through <see cref="BulkSalesImporter"/> (the code behind <c>POST /ingest/sales</c>), resends it
/// (all replays), and measures, in the same run, a plain binary COPY of the same raw rows into an unlogged table.
/// Then one-sale writes through the live path (<see cref="SalesLedger"/>, as <c>recordSales</c> calls it) at
/// 200 per second for p50/p99.
/// </summary>
internal sealed class IngestBenchmark : IBenchmark
{
    private const double TargetSeconds = 60;

    public string Name => "ingest";

    public string Summary => "bulk sales import of 1,000,000 sales with crediting (target <= 60 s), vs plain COPY; one-sale latency";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // `./spm bench ingest live`: only the one-sale latency of the live path, reloading the setup per call and cached.
        var liveOnly = context.Arguments.Count > 0 && context.Arguments[0] == "live";
        var count = context.Arguments.Count > 0 && !liveOnly ? int.Parse(context.Arguments[0], CultureInfo.InvariantCulture) : 1_000_000;
        var connectionString = await BenchTenant.PrepareDatabaseAsync(context.RequirePostgres(), cancellationToken);
        Console.WriteLine($"  cpu: {CpuModel()}, nproc {Environment.ProcessorCount}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        await using var dataSource = SpmDataSource.Create(connectionString);
        await ExecuteAsync(dataSource, "TRUNCATE sales, sale_revisions, credits, outbox, attainment_totals", cancellationToken);

        var tenant = new BenchTenant();
        await tenant.CreateAsync(connectionString, cancellationToken);
        if (liveOnly)
        {
            // Service time first (one call at a time, no queueing), then the paced runs.
            await SequentialAsync(dataSource, tenant, null, cancellationToken);
            await SequentialAsync(dataSource, tenant, new CreditingSetupCache(), cancellationToken);
            await LatencyAsync(dataSource, tenant, null, cancellationToken);
            await LatencyAsync(dataSource, tenant, new CreditingSetupCache(), cancellationToken);
            Console.WriteLine($"  load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
            return;
        }

        var file = Path.Combine(Path.GetTempPath(), $"spm-bench-sales-{count}.ndjson");
        var bytes = Generate(tenant, count, file);
        BenchContext.Report("file", bytes / 1_048_576.0, "MiB", $"{count:N0} sales, NDJSON");

        var importer = new BulkSalesImporter(dataSource, NoTerritoryOwnershipSource.Instance, TimeProvider.System);
        var options = new BulkImportOptions();
        ImportReport first;
        var meter = await CpuMeter.CreateAsync(dataSource, cancellationToken);
        var cpuBefore = meter?.Read();
        await using (var stream = File.OpenRead(file))
        {
            first = await importer.ImportAsync(tenant.TenantId, stream, SalesFileFormat.Ndjson, options, cancellationToken);
        }

        var cpuAfter = meter?.Read();

        BenchContext.Report("bulk import (parse, classify, credit, COPY, commit)", first.Seconds, "s", first.Seconds <= TargetSeconds ? "target <= 60 s met" : "TARGET <= 60 s MISSED");
        BenchContext.Report("  sales recorded", first.Recorded, "sales", $"{first.Rejected} rejected, {first.Batches} batches");
        BenchContext.Report("  throughput", first.Recorded / first.Seconds, "sales/s");
        BenchContext.Report("  credits written", first.CreditsWritten, "credits", $"{(double)first.CreditsWritten / Math.Max(1, first.Recorded):N2} per sale");
        BenchContext.Report("  outbox rows (credits events per participant per batch)", first.OutboxRows, "rows");
        if (cpuBefore is { } b && cpuAfter is { } a)
        {
            BenchContext.Report("  CPU time: importer process", a.Client - b.Client, "s", "load-independent measure of the work");
            BenchContext.Report("  CPU time: PostgreSQL (backends, WAL writer, checkpointer)", a.Server - b.Server, "s", $"sum {a.Client - b.Client + a.Server - b.Server:N1} s, i.e. {(a.Client - b.Client + a.Server - b.Server) / 2:N1} s on 2 idle cores");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load average during the import (1 min, at its end): {LoadAverage()}"));
        ReportPhases(first);

        ImportReport again;
        await using (var stream = File.OpenRead(file))
        {
            again = await importer.ImportAsync(tenant.TenantId, stream, SalesFileFormat.Ndjson, options, cancellationToken);
        }

        BenchContext.Report("resend of the same file (all replays)", again.Seconds, "s", $"{again.Replayed:N0} replayed, {again.Recorded + again.Amended} changed, {again.CreditsWritten} credits");

        var copyBefore = meter?.Read();
        var copy = await PlainCopyAsync(dataSource, tenant, count, cancellationToken);
        var copyAfter = meter?.Read();
        BenchContext.Report("baseline: binary COPY of the raw rows (unlogged table)", copy.TotalSeconds, "s", $"{count / copy.TotalSeconds:N0} rows/s");
        BenchContext.Report("import time / baseline time", first.Seconds / copy.TotalSeconds, "x");
        if (cpuBefore is { } ib && cpuAfter is { } ia && copyBefore is { } cb && copyAfter is { } ca)
        {
            var importCpu = ia.Client - ib.Client + ia.Server - ib.Server;
            var copyCpu = ca.Client - cb.Client + ca.Server - cb.Server;
            BenchContext.Report("import CPU / baseline CPU (client + server)", importCpu / Math.Max(0.01, copyCpu), "x", $"{importCpu:N1} s vs {copyCpu:N2} s");
        }

        // `./spm bench ingest N bulk` stops here: the live part measures another path.
        if (!context.Arguments.Skip(1).Contains("bulk", StringComparer.Ordinal))
        {
            await LatencyAsync(dataSource, tenant, new CreditingSetupCache(), cancellationToken);
        }

        File.Delete(file);
    }

    // Wall time per phase summed over batches and lanes (lanes run in parallel, so the sum can exceed the import's
    // wall time; "wait for parser" is a lane idle).
    private static void ReportPhases(ImportReport report)
    {
        foreach (var (phase, elapsed) in report.Timings.Phases.OrderByDescending(p => p.Value))
        {
            BenchContext.Report("    phase: " + phase, elapsed.TotalSeconds, "s", $"{elapsed.TotalSeconds / report.Seconds:P0} of the import");
        }
    }

    private static long Generate(BenchTenant tenant, int count, string file)
    {
        var random = new Random(42);
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        var start = new DateOnly(2025, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var (owner, mate, amount, currency, date, split) = Row(tenant, random, start);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{{\"source\":\"bench\",\"externalId\":\"S-{i}\",\"amount\":{amount},\"currency\":\"{currency}\",\"closeDate\":\"{date:yyyy-MM-dd}\",\"product\":\"Licence\",\"ownerParticipantId\":\"{owner}\""));
            if (split)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",\"coSellers\":[{{\"participantId\":\"{owner}\",\"splitPercent\":60}},{{\"participantId\":\"{mate}\",\"splitPercent\":40}}]"));
            }

            writer.Write("}\n");
        }

        writer.Flush();
        return writer.BaseStream.Length;
    }

    private static (Guid Owner, Guid Mate, decimal Amount, string Currency, DateOnly Date, bool Split) Row(BenchTenant tenant, Random random, DateOnly start)
    {
        var repIndex = random.Next(tenant.Reps.Count);
        var amount = random.Next(100, 5_000_000) / 100m;
        var currency = random.Next(3) == 0 ? "EUR" : "USD";
        var date = start.AddDays(random.Next(365));
        var split = random.Next(4) == 0;
        return (tenant.Reps[repIndex], tenant.TeamMate(repIndex), amount, currency, date, split);
    }

    // The same rows (same seed), straight into an unlogged table with one binary COPY: the floor of any import.
    private static async Task<TimeSpan> PlainCopyAsync(NpgsqlDataSource dataSource, BenchTenant tenant, int count, CancellationToken cancellationToken)
    {
        await ExecuteAsync(dataSource, "DROP TABLE IF EXISTS bench_raw_sales; CREATE UNLOGGED TABLE bench_raw_sales (source text, external_id text, amount numeric, currency text, close_date date, product text, owner uuid, co_sellers text)", cancellationToken);
        var random = new Random(42);
        var start = new DateOnly(2025, 1, 1);
        var watch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var import = await connection.BeginBinaryImportAsync("COPY bench_raw_sales FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                var (owner, mate, amount, currency, date, split) = Row(tenant, random, start);
                import.StartRow();
                import.Write("bench", NpgsqlDbType.Text);
                import.Write(string.Create(CultureInfo.InvariantCulture, $"S-{i}"), NpgsqlDbType.Text);
                import.Write(amount, NpgsqlDbType.Numeric);
                import.Write(currency, NpgsqlDbType.Text);
                import.Write(date, NpgsqlDbType.Date);
                import.Write("Licence", NpgsqlDbType.Text);
                import.Write(owner, NpgsqlDbType.Uuid);
                if (split)
                {
                    import.Write($"{owner}:60;{mate}:40", NpgsqlDbType.Text);
                }
                else
                {
                    import.WriteNull();
                }
            }

            await import.CompleteAsync(cancellationToken);
        }

        return watch.Elapsed;
    }

    // One sale per call through the live path, paced at 200 per second for 10 seconds (after a warm-up).
    private static async Task LatencyAsync(NpgsqlDataSource dataSource, BenchTenant tenant, CreditingSetupCache? cache, CancellationToken cancellationToken)
    {
        const int Rate = 200, Seconds = 10;
        var random = new Random(7);
        var samples = new List<double>(Rate * Seconds);
        var start = new DateOnly(2025, 6, 1);
        var interval = TimeSpan.FromSeconds(1.0 / Rate);
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>();
        var gate = new Lock();
        // Bounded in-flight calls: a stalled database shows up as latency (timed from the scheduled start), not as pool exhaustion.
        using var inFlight = new SemaphoreSlim(32);
        for (var i = 0; i < (Rate * Seconds) + 200; i++)
        {
            var due = interval * i;
            await BenchContext.WaitUntilAsync(clock, due, cancellationToken);

            var index = i;
            var (owner, _, amount, currency, date, _) = Row(tenant, random, start);
            pending.Add(Task.Run(
                async () =>
                {
                    var watch = Stopwatch.StartNew();
                    await inFlight.WaitAsync(cancellationToken);
                    try
                    {
                        await OneAsync(dataSource, cache, tenant.TenantId, new Sale(tenant.TenantId, "live", $"L-{Guid.NewGuid():N}", amount, currency, date, null, "Licence", null, owner), cancellationToken);
                    }
                    finally
                    {
                        inFlight.Release();
                    }

                    if (index >= 200)
                    {
                        lock (gate)
                        {
                            samples.Add(watch.Elapsed.TotalMilliseconds);
                        }
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(pending);
        samples.Sort();
        var how = cache is null ? "setup reloaded per call" : "setup cached";
        BenchContext.Report($"live path, one sale per call at 200/s, {how}: p50", samples[samples.Count / 2], "ms", "SalesLedger in a transaction with attainment and outbox (no HTTP/GraphQL)");
        BenchContext.Report($"live path, one sale per call at 200/s, {how}: p99", samples[(int)(samples.Count * 0.99)], "ms");
    }

    // One call at a time: what a call costs when nothing queues (the paced run adds queueing on a busy machine).
    private static async Task SequentialAsync(NpgsqlDataSource dataSource, BenchTenant tenant, CreditingSetupCache? cache, CancellationToken cancellationToken)
    {
        var random = new Random(11);
        var samples = new List<double>(300);
        for (var i = 0; i < 350; i++)
        {
            var (owner, _, amount, currency, date, _) = Row(tenant, random, new DateOnly(2025, 6, 1));
            var watch = Stopwatch.StartNew();
            await OneAsync(dataSource, cache, tenant.TenantId, new Sale(tenant.TenantId, "live", $"Q-{Guid.NewGuid():N}", amount, currency, date, null, "Licence", null, owner), cancellationToken);
            if (i >= 50)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        samples.Sort();
        var how = cache is null ? "setup reloaded per call" : "setup cached";
        BenchContext.Report($"live path, one call at a time, {how}: p50", samples[samples.Count / 2], "ms", "service time without queueing");
        BenchContext.Report($"live path, one call at a time, {how}: p99", samples[(int)(samples.Count * 0.99)], "ms");
    }

    private static async Task OneAsync(NpgsqlDataSource dataSource, CreditingSetupCache? cache, Guid tenantId, Sale sale, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var setup = cache is null
            ? await CreditingSetup.LoadAsync(connection, transaction, tenantId, NoTerritoryOwnershipSource.Instance, cancellationToken)
            : await cache.GetAsync(connection, transaction, tenantId, NoTerritoryOwnershipSource.Instance, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        await SalesLedger.LockAsync(connection, transaction, tenantId, [sale.Key], cancellationToken);
        await SalesLedger.WriteAsync(connection, transaction, setup, setup.NewEngine(), [SaleCommand.Record(0, sale)], new LedgerOptions("graphql", true, true, false), DateTimeOffset.UtcNow, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

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
