using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Spm.Bench.Ingest;
using Spm.Bench.Live;
using Spm.Domain.Compensation;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Domain.Sales;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Live.Leaderboards;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Sales;
using StackExchange.Redis;

namespace Spm.Bench.Compensation;

/// <summary>
/// `./spm bench comp-live` (also `./spm bench comp live`): what live earnings add to <c>recordSales</c>. One-sale writes
/// through the live path (<see cref="SalesLedger"/> as <c>recordSales</c> calls it, no HTTP) into a tenant whose 2,261
/// participants are all on a tiered plan, with the dispatcher draining concurrently (leaderboard projection into Redis,
/// as in production) and live earnings off or on. After unmeasured rounds that let the JIT finish: paced at 200/s with
/// no dispatcher, then off, on, on, off; then one call at a time in phases of their own, off, on, on, off twice (the
/// order cancels drift as the ledger grows). Each phase starts a new dispatcher, records one sale per rep (with live
/// earnings on this fills the cache as a running API has it; reported apart as "after a start" for the one-at-a-time
/// phases), waits until the dispatcher has caught up, then times its calls and prints the process's CPU and
/// collections (one at a time: and the slowest calls with the pauses inside them). The target is the difference of
/// the one-at-a-time p99s (at most 2 ms); the paced difference is the same question under load, where a 2-core
/// machine's queueing moves the p99 by more than the effect.
/// </summary>
internal sealed class LiveEarningsBenchmark : IBenchmark
{
    private const int Rate = 200;
    private const int Seconds = 10;
    private const int WarmUp = 200;
    private const int WarmUpRounds = 3;
    private const int OneAtATime = 500;
    private const double TargetMs = 2;

    // Outbox rows behind at most, for the dispatcher to count as caught up (a batch in flight).
    private const long CaughtUp = 50;

    private const string Plan = """
        { "currency": "USD", "components": [
          { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL", "creditTypes": ["DIRECT", "SPLIT", "ROLLUP"],
            "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.05 }, { "from": 1, "rate": 0.08 } ] } ] } ] }
        """;

    public string Name => "comp-live";

    public string Summary => "recordSales p99 at 200 sales/s with the dispatcher draining, live earnings on vs off (target: at most 2 ms added)";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var postgres = await BenchTenant.PrepareDatabaseAsync(context.RequirePostgres(), cancellationToken);
        await using var dataSource = SpmDataSource.Create(postgres);
        var tenant = new BenchTenant();
        await tenant.CreateAsync(postgres, cancellationToken);
        var participants = await PlanAsync(postgres, tenant, cancellationToken);
        await DispatcherBenchmark.CreateBoardsAsync(postgres, tenant.TenantId, cancellationToken);
        using var redis = await ConnectionMultiplexer.ConnectAsync(context.RequireRedis());
        var keys = new LeaderboardKeys($"bench:{Guid.NewGuid():N}:");
        var clock = TimeProvider.System;
        var tenants = new LiveTenantCache(dataSource, clock);
        var store = new LeaderboardStore(redis, keys);
        var rebuilder = new LeaderboardRebuilder(dataSource, store, tenants, clock);
        var projection = new LeaderboardProjection(dataSource, tenants, store, rebuilder, clock);
        await rebuilder.RebuildAsync(tenant.TenantId, lockHeld: false, cancellationToken);
        Console.WriteLine($"  {participants:N0} participants on a tiered plan; sales in March 2026 (one open month); load average before: {LoadAverage()}");

        var cache = new CreditingSetupCache();
        var random = new Random(7);
        var off = new List<double>();
        var on = new List<double>();
        var offAlone = new List<double>();
        var onAlone = new List<double>();
        var pushes = 0;
        using var promotions = new GcPromotions();

        // Outbox rows of the tenant the dispatcher has not applied yet.
        async Task<long> LagAsync()
        {
            await using var behind = dataSource.CreateCommand($"SELECT (SELECT COALESCE(max(position), 0) FROM outbox WHERE tenant_id = $1) - {OutboxDispatcher.CursorSql}");
            behind.Parameters.Add(new NpgsqlParameter { Value = tenant.TenantId });
            return (long)(await behind.ExecuteScalarAsync(cancellationToken))!;
        }

        // One phase: a dispatcher (live earnings on or off) draining while sales are recorded, either paced or one at a
        // time. Returns the measured times, the first calls' (one at a time: a fresh cache), and the pushes.
        async Task<(List<double> Samples, List<double> Cold, int Pushes)> PhaseAsync(bool earnings, bool paced, string? label)
        {
            using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
            using var metrics = new DispatcherMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
            var notifier = new CountingNotifier();
            var consumer = new LiveEarningsConsumer(dataSource, clock);
            using var dispatcher = new OutboxDispatcher(
                dataSource,
                [projection],
                notifier,
                consumer,
                new ParticipantNames(dataSource, clock),
                metrics,
                Options.Create(new OutboxDispatcherOptions { LiveEarnings = earnings }),
                clock,
                new WarningLogger());
            // Starts from the end of the outbox, like a node that has kept up.
            await dispatcher.DrainAsync(tenant.TenantId, cancellationToken);
            await dispatcher.StartAsync(cancellationToken);
            // First one sale for every rep, in both modes and both kinds of phase: with live earnings on, that fills
            // the cache as a running API has it (each first touch builds a participant's month, and their managers',
            // from the database: after a start, and again every five minutes), timed apart. Measuring starts once the
            // dispatcher has caught up with them. (Paced phases used to start on an empty cache, so their "on" half
            // measured those builds rather than live updates: about 100 KB and 0.6 ms of CPU more per sale.)
            var cold = (await SequentialAsync(dataSource, cache, tenant, random, -1, cancellationToken)).Samples;
            var caughtUp = Stopwatch.StartNew();
            while (await LagAsync() > CaughtUp && caughtUp.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, cancellationToken);
            }

            List<double> samples;
            string? pacedWork = null;
            if (paced)
            {
                // The process's CPU and collections over the phase: at 200/s on a small machine, what live earnings
                // cost shows here (or not) when a phase's p99 jumps.
                var start = ProcessSample.Take();
                promotions.Take();
                samples = await PacedAsync(dataSource, cache, tenant, random, cancellationToken);
                pacedWork = ProcessSample.Take().Since(start) + $"; {promotions.Take()}";
            }
            else
            {
                // The service time, free of the queueing a loaded machine adds at 200/s; the recording path shares the
                // process (and its collections) with the dispatcher, as in the API.
                var gc = ProcessSample.Take();
                promotions.Take();
                var alone = await SequentialAsync(dataSource, cache, tenant, random, OneAtATime, cancellationToken);
                var collections = ProcessSample.Take().Since(gc) + $"; {promotions.Take()}";
                samples = alone.Samples;
                // A dispatcher that fell behind (a batch stuck on a slow build holds the tenant's lock) would leave the
                // phase measuring the recording path without live earnings: say so.
                var lag = await LagAsync();
                if (label is not null)
                {
                    Console.WriteLine($"  one at a time, {label}: {collections}; outbox rows not yet applied at the end: {lag:N0}");
                    Console.WriteLine($"    slowest calls, ms (of which the process was paused for collections): {string.Join(", ", alone.Slowest.Take(8).Select(d => $"{d.Ms:N1} ({d.Paused:N1})"))}");
                }
            }

            var drain = Stopwatch.StartNew();
            await dispatcher.DrainAsync(tenant.TenantId, cancellationToken);
            await dispatcher.StopAsync(cancellationToken);
            if (label is not null && paced)
            {
                Report(label, samples, $"{notifier.Earnings:N0} EarningsChanged, drained {drain.Elapsed.TotalMilliseconds:N0} ms after the last sale");
                Console.WriteLine($"    {pacedWork}");
            }

            return (samples, cold, notifier.Earnings);
        }

        // Warm-up, not measured: every path of both modes runs until the JIT has compiled it (tiered compilation goes on
        // in the background for tens of seconds under load, and a cold first "on" phase would charge it to live earnings).
        var warm = Stopwatch.StartNew();
        for (var round = 0; round < WarmUpRounds; round++)
        {
            await PhaseAsync(true, paced: true, null);
            await PhaseAsync(true, paced: false, null);
        }

        Console.WriteLine($"  warm-up: {WarmUpRounds} unmeasured rounds with live earnings on, {warm.Elapsed.TotalSeconds:N0} s");
        var none = await PacedAsync(dataSource, cache, tenant, random, cancellationToken);
        Report("no dispatcher", none, null);
        // Off, on, on, off (twice over one at a time): the order cancels drift as the ledger grows, and the machine's
        // slow spells (other tenants of the host) land on both modes rather than on one phase. The one-at-a-time phases
        // run apart from the paced ones, whose load (two shared cores at their limit) would spill into them.
        foreach (var earnings in new[] { false, true, true, false })
        {
            var (samples, _, earningsPushes) = await PhaseAsync(earnings, paced: true, earnings ? "dispatcher with live earnings" : "dispatcher, live earnings off");
            (earnings ? on : off).AddRange(samples);
            pushes += earningsPushes;
        }

        var offCold = new List<double>();
        var onCold = new List<double>();
        foreach (var earnings in new[] { false, true, true, false, false, true, true, false })
        {
            var (alone, cold, _) = await PhaseAsync(earnings, paced: false, earnings ? "live earnings on" : "live earnings off");
            (earnings ? onAlone : offAlone).AddRange(alone);
            (earnings ? onCold : offCold).AddRange(cold);
        }

        offCold.Sort();
        onCold.Sort();
        BenchContext.Report("one sale per rep after a start, live earnings off: p99", Percentile(offCold, 0.99), "ms", $"{offCold.Count:N0} calls");
        BenchContext.Report("one sale per rep after a start, live earnings on: p99", Percentile(onCold, 0.99), "ms", "each first touch builds a participant's month");
        off.Sort();
        on.Sort();
        offAlone.Sort();
        onAlone.Sort();
        BenchContext.Report("one call at a time, live earnings off: p50", Percentile(offAlone, 0.5), "ms", $"{offAlone.Count:N0} calls, dispatcher draining");
        BenchContext.Report("one call at a time, live earnings off: p99", Percentile(offAlone, 0.99), "ms");
        BenchContext.Report("one call at a time, live earnings on: p50", Percentile(onAlone, 0.5), "ms", $"{onAlone.Count:N0} calls, dispatcher draining");
        BenchContext.Report("one call at a time, live earnings on: p99", Percentile(onAlone, 0.99), "ms");
        var addedAlone = Percentile(onAlone, 0.99) - Percentile(offAlone, 0.99);
        BenchContext.Report("one call at a time, p99 added by live earnings", addedAlone, "ms", addedAlone <= TargetMs ? "target <= 2 ms met" : "TARGET <= 2 ms MISSED (see load average)");
        var added = Percentile(on, 0.99) - Percentile(off, 0.99);
        BenchContext.Report("pooled, live earnings off: p50", Percentile(off, 0.5), "ms");
        BenchContext.Report("pooled, live earnings off: p99", Percentile(off, 0.99), "ms");
        BenchContext.Report("pooled, live earnings on: p50", Percentile(on, 0.5), "ms");
        BenchContext.Report("pooled, live earnings on: p99", Percentile(on, 0.99), "ms", $"{pushes:N0} EarningsChanged in all");
        // When the path alone cannot keep up with the rate, queueing (seconds) drowns a difference of milliseconds.
        var verdict = Percentile(none, 0.99) > 1000
            ? $"INCONCLUSIVE: without a dispatcher the path already queues (p99 {Percentile(none, 0.99):N0} ms); see the one-at-a-time difference"
            : added <= TargetMs ? "target <= 2 ms met" : "TARGET <= 2 ms MISSED (see load average)";
        BenchContext.Report("p99 added by live earnings", added, "ms", verdict);
        Console.WriteLine($"  load average after: {LoadAverage()}");
        await DeleteAsync(redis, keys.Prefix);
    }

    /// <summary>The one-at-a-time calls of a phase: every time, and the calls from slowest to fastest with their pauses.</summary>
    private sealed record Sequential(List<double> Samples, List<(double Ms, double Paused)> Slowest);

    private static void Report(string phase, List<double> samples, string? note)
    {
        samples.Sort();
        BenchContext.Report($"{phase}: p50", Percentile(samples, 0.5), "ms", $"{samples.Count:N0} sales at {Rate}/s");
        BenchContext.Report($"{phase}: p99", Percentile(samples, 0.99), "ms", note ?? string.Empty);
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * q))];

    /// <summary>Every participant on the plan from 2025 on, in their pay currency; returns how many.</summary>
    private static async Task<int> PlanAsync(string postgres, BenchTenant tenant, CancellationToken cancellationToken)
    {
        await using var db = BenchTenant.Context(postgres, tenant.TenantId);
        var now = DateTimeOffset.UtcNow;
        var plan = new StoredCompPlan { Id = Guid.CreateVersion7(), TenantId = tenant.TenantId, Name = "Bench tiered", CreatedAt = now };
        db.CompPlans.Add(plan);
        db.CompPlanVersions.Add(new StoredCompPlanVersion
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            PlanId = plan.Id,
            Version = 1,
            Status = CompPlanVersionStatus.Published,
            EffectiveFrom = new DateOnly(2025, 1, 1),
            // Stored as the API stores it: normalised, identity fields set from the row.
            Document = CompPlanDocuments.Normalise(Plan, plan.Id, 1, plan.Name, new DateOnly(2025, 1, 1), null).Document,
            CreatedAt = now,
            CreatedBy = "bench",
            PublishedAt = now,
        });
        var people = await db.Participants.AsNoTracking().Select(p => new { p.Id, p.PayCurrency }).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.CompPlanAssignments.Add(new StoredCompPlanAssignment
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenant.TenantId,
                ParticipantId = person.Id,
                PlanId = plan.Id,
                EffectiveFrom = new DateOnly(2025, 1, 1),
                OnTargetEarnings = 150_000m,
                TargetIncentive = 50_000m,
                Currency = person.PayCurrency,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        // The tiers pay by attainment, so everyone needs a March quota (a calculation run refuses a participant without).
        var march = await db.Periods.AsNoTracking().Where(p => p.Kind == Domain.Organisation.PeriodKind.Month && p.StartDate == new DateOnly(2026, 3, 1)).Select(p => p.Id).SingleAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO quotas (id, tenant_id, period_id, subject_kind, participant_id, type, amount, currency, is_overlay, status, updated_at) SELECT gen_random_uuid(), tenant_id, {1}, 'Participant', id, 'Revenue', 50000, pay_currency, false, 'Approved', now() FROM participants WHERE tenant_id = {0}",
            [tenant.TenantId, march],
            cancellationToken);
        return people.Count;
    }

    /// <summary>One sale per call at <see cref="Rate"/>/s for <see cref="Seconds"/> s after a warm-up; latency from the scheduled start.</summary>
    private static async Task<List<double>> PacedAsync(NpgsqlDataSource dataSource, CreditingSetupCache cache, BenchTenant tenant, Random random, CancellationToken cancellationToken)
    {
        var samples = new List<double>(Rate * Seconds);
        var interval = TimeSpan.FromSeconds(1.0 / Rate);
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>();
        var gate = new Lock();
        using var inFlight = new SemaphoreSlim(32);
        for (var i = 0; i < (Rate * Seconds) + WarmUp; i++)
        {
            var due = interval * i;
            await BenchContext.WaitUntilAsync(clock, due, cancellationToken);

            var index = i;
            var owner = tenant.Reps[random.Next(tenant.Reps.Count)];
            var amount = random.Next(100, 5_000_000) / 100m;
            var date = new DateOnly(2026, 3, 1).AddDays(random.Next(28));
            pending.Add(Task.Run(
                async () =>
                {
                    var watch = Stopwatch.StartNew();
                    await inFlight.WaitAsync(cancellationToken);
                    try
                    {
                        await OneAsync(dataSource, cache, tenant.TenantId, new Sale(tenant.TenantId, "live", $"E-{Guid.NewGuid():N}", amount, "USD", date, null, "Licence", null, owner), cancellationToken);
                    }
                    finally
                    {
                        inFlight.Release();
                    }

                    if (index >= WarmUp)
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
        return samples;
    }

    /// <summary>
    /// <paramref name="count"/> sales one after another (-1: one for every rep, in random order), each timed on its own, with how long the
    /// process stood still for collections during each (what a collection adds to a slow call, apart from CPU).
    /// </summary>
    private static async Task<Sequential> SequentialAsync(NpgsqlDataSource dataSource, CreditingSetupCache cache, BenchTenant tenant, Random random, int count, CancellationToken cancellationToken)
    {
        var everyone = count < 0 ? tenant.Reps.OrderBy(_ => random.Next()).ToList() : null;
        count = everyone?.Count ?? count;
        var samples = new List<double>(count);
        var timed = new List<(double Ms, double Paused)>(count);
        for (var i = 0; i < count; i++)
        {
            var owner = everyone?[i] ?? tenant.Reps[random.Next(tenant.Reps.Count)];
            var date = new DateOnly(2026, 3, 1).AddDays(random.Next(28));
            var paused = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            await OneAsync(dataSource, cache, tenant.TenantId, new Sale(tenant.TenantId, "live", $"S-{Guid.NewGuid():N}", random.Next(100, 5_000_000) / 100m, "USD", date, null, "Licence", null, owner), cancellationToken);
            samples.Add(watch.Elapsed.TotalMilliseconds);
            timed.Add((watch.Elapsed.TotalMilliseconds, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds));
        }

        return new Sequential(samples, [.. timed.OrderByDescending(t => t.Ms)]);
    }

    /// <summary>What <c>recordSales</c> does for one sale, without HTTP: setup, lock, ledger write (credits, attainment, outbox, NOTIFY), commit.</summary>
    private static async Task OneAsync(NpgsqlDataSource dataSource, CreditingSetupCache cache, Guid tenantId, Sale sale, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var setup = await cache.GetAsync(connection, transaction, tenantId, NoTerritoryOwnershipSource.Instance, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        await SalesLedger.LockAsync(connection, transaction, tenantId, [sale.Key], cancellationToken);
        await SalesLedger.WriteAsync(connection, transaction, setup, setup.NewEngine(), [SaleCommand.Record(0, sale)], new LedgerOptions("graphql", true, true, false), DateTimeOffset.UtcNow, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task DeleteAsync(ConnectionMultiplexer redis, string prefix)
    {
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>
    /// The process's CPU time and garbage collections so far: what a phase adds tells how much the dispatcher worked
    /// beside the recording path, and how much of the time everything stood still for a collection.
    /// </summary>
    private readonly record struct ProcessSample(TimeSpan Cpu, TimeSpan Elapsed, TimeSpan Paused, int Gen0, int Gen1, int Gen2, long Allocated)
    {
        public static ProcessSample Take()
        {
            using var process = Process.GetCurrentProcess();
            return new(process.TotalProcessorTime, TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true));
        }

        public string Since(ProcessSample start) =>
            $"bench process CPU {(Cpu - start.Cpu).TotalMilliseconds:N0} ms in {(Elapsed - start.Elapsed).TotalMilliseconds:N0} ms; GC paused {(Paused - start.Paused).TotalMilliseconds:N1} ms in {Gen0 - start.Gen0} collections (gen1 {Gen1 - start.Gen1}, gen2 {Gen2 - start.Gen2}), {(Allocated >= start.Allocated ? $"{(Allocated - start.Allocated) / 1_048_576.0:N0} MB" : "(count unavailable)")} allocated";
    }

    /// <summary>Prints the dispatcher's warnings (a failing batch or live-earnings rebuild must not pass unnoticed).</summary>
    private sealed class WarningLogger : ILogger<OutboxDispatcher>
    {
        private int printed;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The first few are enough to see what is wrong; a stuck batch would repeat forever.
            if (IsEnabled(logLevel) && Interlocked.Increment(ref printed) <= 3)
            {
                Console.WriteLine($"  dispatcher {logLevel}: {formatter(state, exception)} {exception}");
            }
        }
    }

    /// <summary>Counts the live earnings pushes; everything else is dropped (no hub in this bench).</summary>
    private sealed class CountingNotifier : ILiveNotifier
    {
        private int earnings;

        public int Earnings => Volatile.Read(ref earnings);

        public ValueTask BoardChangedAsync(BoardChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask AttainmentChangedAsync(AttainmentChanged change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask SaleCelebratedAsync(SaleCelebration celebration, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ContestStatusChangedAsync(ContestSnapshot contest, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask EarningsChangedAsync(EarningsChange change, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref earnings);
            return ValueTask.CompletedTask;
        }
    }
}
