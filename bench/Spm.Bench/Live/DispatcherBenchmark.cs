using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Spm.Bench.Ingest;
using Spm.Domain.Crediting;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Live.Leaderboards;
using Spm.Infrastructure.Outbox;
using Spm.Infrastructure.Persistence;
using StackExchange.Redis;

namespace Spm.Bench.Live;

/// <summary>
/// `./spm bench live` (dispatcher part): credit events per second into Redis through the leaderboard projection
/// (four boards: day, month and fiscal-year revenue and a weighted points board, so four sorted-set writes per
/// event), then the whole dispatcher path (outbox rows read from PostgreSQL, decoded, applied, cursor moved), and
/// `redis-benchmark` pipelined ZINCRBY on the same Redis in the same run as the ceiling to compare with.
/// </summary>
internal sealed class DispatcherBenchmark : IBenchmark
{
    private const int ProjectionEvents = 200_000;
    private const int DispatcherEvents = 100_000;
    private const int BatchSize = 1000;
    private const double Target = 20_000;

    public string Name => "live";

    public string Summary => "dispatcher: credit events/s into Redis through the leaderboard projection and the full outbox path, vs redis-benchmark ZINCRBY";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var postgres = await BenchTenant.PrepareDatabaseAsync(context.RequirePostgres(), cancellationToken);
        var tenant = new BenchTenant();
        await tenant.CreateAsync(postgres, cancellationToken);
        await using var dataSource = SpmDataSource.Create(postgres);
        await CreateBoardsAsync(postgres, tenant.TenantId, cancellationToken);

        using var redis = await ConnectionMultiplexer.ConnectAsync(context.RequireRedis());
        var keys = new LeaderboardKeys($"bench:{Guid.NewGuid():N}:");
        var clock = TimeProvider.System;
        var tenants = new LiveTenantCache(dataSource, clock);
        var store = new LeaderboardStore(redis, keys);
        var rebuilder = new LeaderboardRebuilder(dataSource, store, tenants, clock);
        var projection = new LeaderboardProjection(dataSource, tenants, store, rebuilder, clock);
        await rebuilder.RebuildAsync(tenant.TenantId, lockHeld: false, cancellationToken);
        Console.WriteLine($"load average before: {LoadAverage()}");

        // 1. The projection alone: batches as the dispatcher hands them over.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(7);
        var events = Enumerable.Range(0, ProjectionEvents).Select(i => Credit(tenant, random, today)).ToList();
        await projection.ApplyAsync(tenant.TenantId, [new OutboxEnvelope(1, tenant.TenantId, events[0])], cancellationToken);
        var watch = Stopwatch.StartNew();
        for (var offset = 0; offset < events.Count; offset += BatchSize)
        {
            var batch = events.Skip(offset).Take(BatchSize).Select((e, j) => new OutboxEnvelope(10 + offset + j, tenant.TenantId, e)).ToList();
            await projection.ApplyAsync(tenant.TenantId, batch, cancellationToken);
        }

        var projectionRate = ProjectionEvents / watch.Elapsed.TotalSeconds;

        // 2. The dispatcher: outbox rows committed, then drained on this node (read, decode, apply, notify, cursor).
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            for (var offset = 0; offset < DispatcherEvents; offset += 10_000)
            {
                await OutboxWriter.WriteAsync(connection, transaction, tenant.TenantId, [.. Enumerable.Range(0, 10_000).Select(_ => (IOutboxEvent)Credit(tenant, random, today))], cancellationToken);
            }

            await using (var skip = new NpgsqlCommand("INSERT INTO outbox_cursors (tenant_id, last_id, updated_at) VALUES ($1, 0, now()) ON CONFLICT (tenant_id) DO NOTHING", connection, transaction) { Parameters = { new() { Value = tenant.TenantId } } })
            {
                await skip.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new DispatcherMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var dispatcher = new OutboxDispatcher(
            dataSource,
            [projection],
            new NoopLiveNotifier(),
            new Spm.Infrastructure.Compensation.LiveEarningsConsumer(dataSource, clock),
            new ParticipantNames(dataSource, clock),
            metrics,
            Options.Create(new OutboxDispatcherOptions { BatchSize = BatchSize }),
            clock,
            NullLogger<OutboxDispatcher>.Instance);
        watch.Restart();
        await dispatcher.DrainAsync(tenant.TenantId, cancellationToken);
        var dispatcherRate = DispatcherEvents / watch.Elapsed.TotalSeconds;

        // 3. The ceiling: redis-benchmark pipelined ZINCRBY on the same server.
        var zincrby = await RedisBenchmarkAsync(context.RequireRedis(), keys.Prefix, cancellationToken);
        var load = LoadAverage();
        Console.WriteLine($"load average after: {load}");
        Console.WriteLine("dispatcher (4 boards per credit event: 4 sorted-set writes per event)");
        BenchContext.Report("projection apply, credit events/s", projectionRate, "events/s", $"target >= {Target:N0}: {(projectionRate >= Target ? "met" : "MISSED")}");
        BenchContext.Report("projection apply, sorted-set writes/s", projectionRate * 4, "writes/s");
        BenchContext.Report("dispatcher outbox -> Redis (PostgreSQL read + cursor), events/s", dispatcherRate, "events/s", $"target >= {Target:N0}: {(dispatcherRate >= Target ? "met" : "MISSED")}");
        if (zincrby is { } ceiling)
        {
            BenchContext.Report("redis-benchmark ZINCRBY -P 64, ops/s", ceiling, "ops/s");
            BenchContext.Report("projection writes / redis-benchmark ZINCRBY", projectionRate * 4 / ceiling * 100, "%");
        }
        else
        {
            Console.WriteLine("  redis-benchmark not found or failed: no ceiling measured");
        }

        await DeleteAsync(redis, keys.Prefix);
    }

    private static CreditsChanged Credit(BenchTenant tenant, Random random, DateOnly day) =>
        new(Guid.CreateVersion7(), tenant.TenantId, DateTimeOffset.UtcNow, "bench", "B", 1, "USD",
            [new CreditDelta(tenant.Reps[random.Next(tenant.Reps.Count)], CreditType.Direct, random.Next(100, 1_000_000) / 100m, day)]);

    internal static async Task CreateBoardsAsync(string postgres, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = BenchTenant.Context(postgres, tenantId);
        var now = DateTimeOffset.UtcNow;
        foreach (var (key, window, metrics) in new (string, LeaderboardWindow, WeightedMetric[])[]
        {
            ("revenue-today", LeaderboardWindow.Day, [new(LiveMetric.CreditedRevenue, 1)]),
            ("revenue-month", LeaderboardWindow.Month, [new(LiveMetric.CreditedRevenue, 1)]),
            ("revenue-year", LeaderboardWindow.FiscalYear, [new(LiveMetric.CreditedRevenue, 1)]),
            ("points-quarter", LeaderboardWindow.Quarter, [new(LiveMetric.CreditedRevenue, 0.01m), new(LiveMetric.DealsWon, 10)]),
        })
        {
            var board = new LeaderboardDefinition(Guid.CreateVersion7(), tenantId, key, now);
            board.Define(key, metrics, window, LeaderboardScope.Company, null, LeaderboardSubject.Participants, 10, now);
            db.Add(board);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<double?> RedisBenchmarkAsync(string configuration, string prefix, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(configuration);
        var (host, port) = options.EndPoints[0] switch
        {
            System.Net.IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            System.Net.DnsEndPoint dns => (dns.Host, dns.Port),
            var other => throw new InvalidOperationException($"Unexpected Redis endpoint {other}."),
        };
        var start = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-n", "400000", "-P", "64", "-r", "2000", "-q" })
        {
            start.ArgumentList.Add(arg);
        }

        if (options.Password is { Length: > 0 } password)
        {
            start.ArgumentList.Add("-a");
            start.ArgumentList.Add(password);
        }

        foreach (var arg in new[] { "ZINCRBY", prefix + "zincrby", "1", "__rand_int__" })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            // Quiet mode prints "ZINCRBY ...: 512345.67 requests per second, p50=... msec" (with carriage returns while running).
            var line = output.Split('\r', '\n').LastOrDefault(l => l.Contains("requests per second", StringComparison.Ordinal));
            var figure = line?.Split(':').LastOrDefault()?.Trim().Split(' ')[0];
            return double.TryParse(figure, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) ? rate : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static async Task DeleteAsync(ConnectionMultiplexer redis, string prefix)
    {
        var server = redis.GetServers()[0];
        var db = redis.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            await db.KeyDeleteAsync(key);
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
