using System.Collections.Concurrent;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Spm.Domain.Common;
using Spm.Domain.Compensation;
using Spm.Domain.Crediting;
using Spm.Domain.Events;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Live earnings: the dispatcher hands every batch of a tenant's outbox here (after the Redis projections), and each
/// committed credit that posts in an open fiscal month moves its participant's earnings so far, returned as
/// <see cref="EarningsChange"/>s for the push layer.
/// </summary>
/// <remarks>
/// <para>The node keeps, per tenant, one <see cref="LiveEarnings"/> per participant and open month, built lazily from
/// PostgreSQL through <see cref="CompensationInputLoader"/> (so a live figure is what a calculation run would say) and
/// then fed the credit rows each <c>credits.changed</c> event wrote, read by the sale's key and revision (deltas alone
/// lack product and segment, which rates depend on).</para>
/// <para>Idempotent: the cache remembers the outbox position it reached. A batch that does not start there (another
/// node applied the tenant in between, or the dispatcher re-delivers after a failure) drops the tenant's cache, and
/// the next touch rebuilds it from the database. A build reads one repeatable-read snapshot: the credits in it minus
/// those the batch is about to apply, plus the last outbox position already committed in it (a snapshot sees a prefix
/// of positions); events up to it are skipped when they arrive, so nothing counts twice. Events whose rows cannot be applied one by one (a cancellation,
/// whose rows a run reads differently; a bulk import; re-crediting adjustments; rows that do not add up to the event's
/// deltas) rebuild the participants they touch instead. Plan and assignment changes (<c>comp.changed</c>) and
/// resolved disputes drop the participants concerned; the whole tenant is rebuilt after <see cref="Lifetime"/> anyway,
/// which also picks up quotas, exchange rates and period locks.</para>
/// <para>A participant whose statement cannot be calculated (an attainment-tiered plan without a quota, a missing
/// exchange rate) is set aside, logged once, until the next rebuild: one person's data never stops the tenant's.</para>
/// <para>Paced like the boards: a participant holding at least <see cref="OutboxDispatcherOptions.EarningsImmediateBelow"/>
/// credits (a roll-up manager holds the whole team's, and each update recalculates them all) is recalculated at most
/// once per <see cref="OutboxDispatcherOptions.EarningsInterval"/>, or less often when a recalculation costs so much
/// that they would take more than <see cref="OutboxDispatcherOptions.EarningsCpuShare"/> of a core (<see cref="Spacing"/>);
/// credits arriving in between wait in the entry, and the dispatcher calls <see cref="FlushAsync"/> when they are due.
/// Everyone else is recalculated at once.</para>
/// <para>The work runs on threads of its own at a lower priority (<see cref="OutboxDispatcherOptions.EarningsNiceness"/>,
/// <see cref="BackgroundScheduler"/>; half the cores, one on a 2-core machine, shared by every tenant and kept for the
/// process's life): recalculations then take only the CPU that requests leave, and the dispatcher awaits them.</para>
/// <para>Not thread-safe per tenant: the dispatcher applies one tenant on one worker at a time (advisory lock).</para>
/// </remarks>
public sealed partial class LiveEarningsConsumer(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<LiveEarningsConsumer>? logger = null, IOptions<OutboxDispatcherOptions>? options = null)
{
    /// <summary>A tenant's cache is rebuilt from the database at least this often (quota, FX and lock changes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, TenantState> tenants = new();
    private readonly ILogger log = logger ?? NullLogger<LiveEarningsConsumer>.Instance;
    private static readonly ConcurrentDictionary<int, BackgroundScheduler> Schedulers = new();

    private readonly OutboxDispatcherOptions settings = options?.Value ?? new OutboxDispatcherOptions();

    /// <summary>Where recalculations run: threads at a lower priority (<see cref="OutboxDispatcherOptions.EarningsNiceness"/>), or null for the caller's.</summary>
    private BackgroundScheduler? Background => settings.EarningsNiceness > 0
        ? Schedulers.GetOrAdd(settings.EarningsNiceness, n => new BackgroundScheduler("spm-live-earnings", Math.Max(1, Environment.ProcessorCount / 2), n))
        : null;

    /// <summary>Drops what this node holds for <paramref name="tenantId"/>; the next batch rebuilds from the database.</summary>
    public void Forget(Guid tenantId) => tenants.TryRemove(tenantId, out _);

    /// <summary>When the earliest held-back recalculation of <paramref name="tenantId"/> is due; null when none waits.</summary>
    public DateTimeOffset? NextDue(Guid tenantId) => tenants.TryGetValue(tenantId, out var state) ? state.Due : null;

    /// <summary>
    /// Recalculates the held-back participants that are due, when this node's cache still stands at outbox position
    /// <paramref name="cursor"/> (otherwise another node moved on, and figures from here could be older than what it
    /// pushed: the cache is dropped instead). Called by the dispatcher under the tenant's lock.
    /// </summary>
    public Task<IReadOnlyList<EarningsChange>> FlushAsync(Guid tenantId, long cursor) =>
        Background is { } background ? background.Run<IReadOnlyList<EarningsChange>>(() => Flush(tenantId, cursor)) : Task.FromResult<IReadOnlyList<EarningsChange>>(Flush(tenantId, cursor));

    private List<EarningsChange> Flush(Guid tenantId, long cursor)
    {
        if (!tenants.TryGetValue(tenantId, out var state) || state.Due is null)
        {
            return [];
        }

        if (state.LastApplied != cursor)
        {
            Forget(tenantId);
            return [];
        }

        var changes = new List<EarningsChange>();
        FlushDue(tenantId, state, clock.GetUtcNow(), changes);
        return changes;
    }

    private void FlushDue(Guid tenantId, TenantState state, DateTimeOffset now, List<EarningsChange> changes)
    {
        state.Due = null;
        // Only the entries holding rows: copying all of a tenant's entries at every flush was the first source of the
        // garbage live earnings made once every participant was cached (about 4 MB per 500 sales in the bench).
        var waiting = state.Waiting.ToList();
        state.Waiting.Clear();
        foreach (var key in waiting)
        {
            if (!state.Entries.TryGetValue(key, out var entry) || entry.Held.Count == 0)
            {
                continue; // rebuilt or dropped since (a build reads the held rows from its snapshot)
            }

            if (entry.NextAllowed <= now)
            {
                Recalculate(tenantId, state, key, entry, [], null, now, changes);
            }
            else
            {
                Hold(state, key, entry);
            }
        }
    }

    /// <summary>Participant-months cached for <paramref name="tenantId"/> on this node (tests and the bench).</summary>
    public int CachedCount(Guid tenantId) => tenants.TryGetValue(tenantId, out var state) ? state.Entries.Count : 0;

    /// <summary>
    /// Applies one dispatcher batch: the rows after outbox position <paramref name="fromCursor"/> up to
    /// <paramref name="lastId"/>, decoded as <paramref name="batch"/>. Returns the earnings that moved, in outbox order.
    /// </summary>
    public Task<IReadOnlyList<EarningsChange>> ApplyAsync(Guid tenantId, long fromCursor, long lastId, IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Background is { } background
            ? background.RunAsync(() => ApplyHereAsync(tenantId, fromCursor, lastId, batch, cancellationToken))
            : ApplyHereAsync(tenantId, fromCursor, lastId, batch, cancellationToken);
    }

    private async Task<IReadOnlyList<EarningsChange>> ApplyHereAsync(Guid tenantId, long fromCursor, long lastId, IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!tenants.TryGetValue(tenantId, out var state) || state.LastApplied != fromCursor || state.Expires <= now)
        {
            state = new TenantState(now + Lifetime);
            tenants[tenantId] = state;
        }

        // Until this batch is done the state matches no position: a failure half-way makes the next batch rebuild.
        state.LastApplied = -1;
        var changes = await ApplyBatchAsync(tenantId, state, lastId, batch, cancellationToken);
        if (state.Due <= now)
        {
            // A busy tenant may never leave the dispatcher idle: what is due goes out with the batch.
            var flushed = new List<EarningsChange>(changes);
            FlushDue(tenantId, state, clock.GetUtcNow(), flushed);
            changes = flushed;
        }

        state.LastApplied = lastId;
        return changes;
    }

    private async Task<IReadOnlyList<EarningsChange>> ApplyBatchAsync(Guid tenantId, TenantState state, long lastId, IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken)
    {
        var dropped = new HashSet<Guid>();
        var dropAll = false;
        var credited = new List<(OutboxEnvelope Envelope, CreditsChanged Event)>();
        foreach (var envelope in batch)
        {
            switch (envelope.Event)
            {
                case CreditsChanged credits when credits.Deltas.Count > 0:
                    credited.Add((envelope, credits));
                    break;
                case CompensationChanged comp:
                    // A plan may have been published or assigned: plans and assignments are read again with the next build.
                    state.Parts.Clear();
                    dropAll |= comp.ParticipantIds.Count == 0;
                    dropped.UnionWith(comp.ParticipantIds);
                    break;
                case DisputeChanged dispute when dispute.AdjustmentAmount is not null:
                    // A resolution with an adjustment adds an award line to an open month's statement (and the kept
                    // adjustment rows are read again with the next build).
                    state.Parts.Clear();
                    dropped.Add(dispute.ParticipantId);
                    break;
                default:
                    break;
            }
        }

        if (dropAll)
        {
            state.Entries.Clear();
        }
        else if (dropped.Count > 0)
        {
            foreach (var key in state.Entries.Keys.Where(k => dropped.Contains(k.Participant)).ToList())
            {
                state.Entries.Remove(key);
            }
        }

        if (credited.Count == 0)
        {
            return [];
        }

        state.Months ??= await MonthsAsync(tenantId, cancellationToken);
        var rows = await RowsAsync(tenantId, state, credited, cancellationToken);

        // Per event and participant: apply the rows one by one, or rebuild from the database.
        var plans = new List<Step>();
        var rebuild = new HashSet<Guid>();
        var firstEvent = new Dictionary<Guid, OutboxEnvelope>();
        for (var i = 0; i < credited.Count; i++)
        {
            var (envelope, credits) = credited[i];
            var eventRows = rows[i];
            foreach (var participant in credits.Deltas.Select(d => d.ParticipantId).Distinct())
            {
                firstEvent.TryAdd(participant, envelope);
                var own = eventRows.Where(r => r.Credit.ParticipantId == participant).ToList();
                if (IsIncremental(credits, participant, own))
                {
                    plans.Add(new Step(envelope, participant, own));
                }
                else
                {
                    rebuild.Add(participant);
                }
            }
        }

        // Participant-months to (re)build: a credit to apply where nothing is cached, or a rebuild of something cached.
        var toBuild = new HashSet<(Guid Participant, Guid Period)>();
        foreach (var step in plans)
        {
            foreach (var period in step.Rows.Select(r => state.OpenMonth(r.Credit.PostingDate)).OfType<Guid>().Distinct())
            {
                if (!state.Entries.ContainsKey((step.Participant, period)) || rebuild.Contains(step.Participant))
                {
                    toBuild.Add((step.Participant, period));
                }
            }
        }

        foreach (var key in state.Entries.Keys.Where(k => rebuild.Contains(k.Participant)))
        {
            toBuild.Add(key);
        }

        var changes = new List<EarningsChange>();
        if (toBuild.Count > 0)
        {
            // The rows this batch applies one by one are left out of the build, so their pushes show the move.
            var pending = plans.SelectMany(p => p.Rows).Select(r => r.Credit.CreditId).ToHashSet();
            var built = await BuildAsync(tenantId, state, toBuild, pending, lastId, cancellationToken);
            foreach (var ((participant, period), earnings) in built)
            {
                if (state.Entries.TryGetValue((participant, period), out var old)
                    && old.Earnings?.Current is { } before && earnings.Earnings?.Current is { } after
                    && (before.Earnings != after.Earnings || before.Attainment != after.Attainment))
                {
                    // A recalculation moved figures a client was already shown: say so before the credits that follow.
                    var envelope = firstEvent[participant];
                    changes.Add(Change(tenantId, period, before.Earnings, after, null, envelope));
                }

                state.Entries[(participant, period)] = earnings;
            }
        }

        // One recalculation per participant and month per batch: a burst (a dispatcher catching up) costs one update
        // per person, not one per credit, and shows the total; the push names the last credit and its event.
        var batches = new Dictionary<(Guid Participant, Guid Period), (List<Row> Rows, OutboxEnvelope Last)>();
        var order = new List<(Guid Participant, Guid Period)>();
        foreach (var step in plans)
        {
            foreach (var row in step.Rows)
            {
                if (state.OpenMonth(row.Credit.PostingDate) is not { } period || !state.Entries.TryGetValue((step.Participant, period), out var entry)
                    || entry.Earnings is null || entry.Includes(step.Envelope.Position))
                {
                    // A locked or unknown month, a participant set aside, or already in the snapshot this entry was built from.
                    continue;
                }

                if (!batches.TryGetValue((step.Participant, period), out var pending))
                {
                    order.Add((step.Participant, period));
                    pending = ([], step.Envelope);
                }

                pending.Rows.Add(row);
                batches[(step.Participant, period)] = (pending.Rows, step.Envelope);
            }
        }

        var now = clock.GetUtcNow();
        foreach (var key in order)
        {
            var (applied, last) = batches[key];
            var entry = state.Entries[key];
            if (entry.Earnings!.CreditCount >= settings.EarningsImmediateBelow && entry.NextAllowed > now)
            {
                // Recalculated less than an interval ago and costly: wait, latest wins (the push then shows the total).
                entry.Held.AddRange(applied);
                entry.HeldLast = last;
                Hold(state, key, entry);
                continue;
            }

            Recalculate(tenantId, state, key, entry, applied, last, now, changes);
        }

        return changes;
    }

    /// <summary>
    /// Applies the held rows and <paramref name="applied"/> in one recalculation and adds the move (from the figure
    /// last pushed) to <paramref name="changes"/>.
    /// </summary>
    private void Recalculate(Guid tenantId, TenantState state, (Guid Participant, Guid Period) key, Entry entry, List<Row> applied, OutboxEnvelope? last, DateTimeOffset now, List<EarningsChange> changes)
    {
        List<Row> rows = [.. entry.Held, .. applied];
        last ??= entry.HeldLast;
        entry.Held.Clear();
        entry.HeldLast = null;
        if (rows.Count == 0 || last is null)
        {
            return;
        }

        var live = entry.Earnings!;
        var before = live.Current;
        var started = clock.GetTimestamp();
        try
        {
            live.ApplyAll([.. rows.Select(r => r.Credit)]);
        }
        catch (DomainException e)
        {
            LogSetAside(log, key.Participant, key.Period, e);
            state.Entries[key] = new Entry(null, entry.BuiltAfter, entry.IncludedThrough);
            return;
        }

        entry.NextAllowed = now + Spacing(clock.GetElapsedTime(started), settings.EarningsInterval, settings.EarningsCpuShare);
        if (live.Current is { } after && (before is null || before.Earnings != after.Earnings || before.Attainment != after.Attainment))
        {
            changes.Add(Change(tenantId, key.Period, before?.Earnings ?? 0m, after, rows[^1], last));
        }
    }

    private static void Hold(TenantState state, (Guid Participant, Guid Period) key, Entry entry)
    {
        state.Waiting.Add(key);
        var due = entry.NextAllowed;
        state.Due = state.Due is { } earlier && earlier < due ? earlier : due;
    }

    /// <summary>
    /// How long a paced participant waits after a recalculation that took <paramref name="cost"/>: at least
    /// <paramref name="interval"/>, and long enough that their recalculations take at most
    /// <paramref name="cpuShare"/> of a core. A company-wide roll-up manager holds every credit of the month, so each
    /// of their recalculations costs more as the month fills; without this they would take a growing share of the CPU
    /// (and, with arrays of tens of thousands of credits, bring full collections) from the recording path.
    /// </summary>
    public static TimeSpan Spacing(TimeSpan cost, TimeSpan interval, double cpuShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpuShare);
        var byCost = cost / cpuShare;
        return byCost > interval ? byCost : interval;
    }

    private static EarningsChange Change(Guid tenantId, Guid periodId, decimal previous, ParticipantResult after, Row? row, OutboxEnvelope envelope) =>
        new(
            tenantId,
            after.ParticipantId,
            periodId,
            after.Period.Start,
            after.Period.End,
            after.Currency,
            previous,
            after.Earnings,
            after.Attainment,
            row?.Credit.CreditId,
            row?.Credit.SaleId,
            row?.Source,
            row?.ExternalId,
            envelope.Event.EventId,
            envelope.Event.OccurredAt);

    /// <summary>
    /// True when <paramref name="rows"/> (this participant's rows of the event's sale revision) are exactly what the
    /// event announced, so applying them one by one gives what a run would: same sums per type and posting date, and
    /// the sale not cancelled (a run reads a cancelled sale's rows differently: clawback windows).
    /// </summary>
    private static bool IsIncremental(CreditsChanged credits, Guid participant, List<Row> rows)
    {
        if (credits.Revision <= 0 || rows.Count == 0 || rows.Any(r => r.Cancelled))
        {
            return false;
        }

        var announced = credits.Deltas.Where(d => d.ParticipantId == participant)
            .GroupBy(d => (d.Type, d.PostingDate)).ToDictionary(g => g.Key, g => g.Sum(d => d.ReportingAmount));
        var found = rows.GroupBy(r => (r.Credit.Type, r.Credit.PostingDate))
            .Select(g => (g.Key, Sum: g.Sum(r => r.ReportingAmount))).Where(x => x.Sum != 0).ToDictionary(x => x.Key, x => x.Sum);
        return announced.Count == found.Count && announced.All(a => found.TryGetValue(a.Key, out var sum) && sum == a.Value);
    }

    /// <summary>The credit rows each event's sale revision wrote (adjustments from re-crediting excluded), one query for the batch.</summary>
    private async Task<List<Row>[]> RowsAsync(Guid tenantId, TenantState state, List<(OutboxEnvelope Envelope, CreditsChanged Event)> credited, CancellationToken cancellationToken)
    {
        var result = new List<Row>[credited.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = [];
        }

        var keyed = Enumerable.Range(0, credited.Count).Where(i => credited[i].Event.Revision > 0).ToList();
        if (keyed.Count == 0)
        {
            return result;
        }

        // Key by key through the indexes, whatever the statistics say. As a plain join, a tenant created since the
        // last ANALYZE (estimated at one row) got a plan that scanned all its credits once per sale: 30 s timeouts
        // in the live-earnings bench. OFFSET 0 keeps each lateral lookup from being flattened into such a join.
        await using var command = dataSource.CreateCommand(
            """
            SELECT c.id, c.participant_id, c.sale_id, c.type, c.adjusted_type, c.pay_amount, c.pay_currency, c.close_date, c.posting_date,
                   s.product, s.segment, k.n, c.reporting_amount, s.is_cancelled
            FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) AS k(source, external_id, revision, n)
            CROSS JOIN LATERAL (SELECT s.id, s.product, s.segment, s.is_cancelled FROM sales s
                                WHERE s.tenant_id = $1 AND s.source = k.source AND s.external_id = k.external_id OFFSET 0) s
            CROSS JOIN LATERAL (SELECT c.* FROM credits c
                                WHERE c.tenant_id = $1 AND c.sale_id = s.id AND c.sale_revision = k.revision AND c.type <> 'Adjustment' OFFSET 0) c
            ORDER BY k.n, c.id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = keyed.Select(i => credited[i].Event.Source).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keyed.Select(i => credited[i].Event.ExternalId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keyed.Select(i => credited[i].Event.Revision).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keyed.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // The engine's credit columns first, as CompensationInputLoader reads them.
            var credit = CompensationInputLoader.ReadCredit(reader, state.Strings, state.Types);
            var n = reader.GetInt32(11);
            result[n].Add(new Row(credit, reader.GetDecimal(12), reader.GetBoolean(13), credited[n].Event.Source, credited[n].Event.ExternalId));
        }

        return result;
    }

    /// <summary>
    /// Builds the given participant-months from one repeatable-read snapshot, leaving out the credits in
    /// <paramref name="pending"/>; every entry remembers the last outbox position already committed in that snapshot.
    /// </summary>
    private async Task<Dictionary<(Guid Participant, Guid Period), Entry>> BuildAsync(
        Guid tenantId, TenantState state, HashSet<(Guid Participant, Guid Period)> keys, HashSet<Guid> pending, long lastId, CancellationToken cancellationToken)
    {
        var built = new Dictionary<(Guid, Guid), Entry>();
        await using var db = Context(tenantId);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // First statement of the snapshot: the last outbox row already committed in it. Positions are handed out in
        // commit order (OutboxCommitOrderSql), so a snapshot sees every position up to that one and none after: the
        // rows past this batch that the build already holds are exactly those up to it. (It used to read them into
        // a set, copied into every entry built: under a lagging dispatcher, thousands of positions per entry, on the
        // large-object heap.)
        long includedThrough;
        await using (var command = new NpgsqlCommand("SELECT COALESCE(max(position), 0) FROM outbox WHERE tenant_id = $1 AND position > $2", (NpgsqlConnection)db.Database.GetDbConnection()))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = lastId });
            includedThrough = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        foreach (var byPeriod in keys.GroupBy(k => k.Period))
        {
            var period = state.Months!.Single(m => m.Id == byPeriod.Key);
            var participants = byPeriod.Select(k => k.Participant).ToList();
            if (!state.Parts.TryGetValue(period.Id, out var part))
            {
                part = await CompensationInputLoader.LoadTenantPartAsync(db, period, withParticipantRows: true, cancellationToken);
                state.Parts[period.Id] = part;
            }

            var input = await CompensationInputLoader.LoadAsync(db, new CompensationInputLoader.Request(period, participants, null, 1, part), cancellationToken);
            var credits = LiveEarnings.Partition(input.Credits, participants, c => pending.Contains(c.CreditId), state.Slab);
            foreach (var participant in participants)
            {
                LiveEarnings? earnings = null;
                try
                {
                    earnings = new LiveEarnings(input, participant, credits[participant], figuresOnly: true);
                }
                catch (DomainException e)
                {
                    LogSetAside(log, participant, period.Id, e);
                }

                built[(participant, period.Id)] = new Entry(earnings, lastId, includedThrough);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return built;
    }

    private async Task<List<Period>> MonthsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = Context(tenantId);
        var locked = await db.PayoutBatches.AsNoTracking().Where(b => b.Status == PayoutStatus.Locked).Select(b => b.PeriodId).ToListAsync(cancellationToken);
        var months = await db.Periods.AsNoTracking().Where(p => p.Kind == PeriodKind.Month).ToListAsync(cancellationToken);
        return [.. months.Where(m => !locked.Contains(m.Id)).OrderBy(m => m.StartDate)];
    }

    private SpmDbContext Context(Guid tenantId) =>
        new(new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(dataSource).Options, new FixedTenantContext(tenantId));

    /// <summary>One credit row as applied, with what the delta check and the push need.</summary>
    private sealed record Row(CompCredit Credit, decimal ReportingAmount, bool Cancelled, string Source, string ExternalId);

    /// <summary>One event's rows for one participant, to apply in order.</summary>
    private sealed record Step(OutboxEnvelope Envelope, Guid Participant, List<Row> Rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live earnings of participant {ParticipantId} in period {PeriodId} cannot be calculated; set aside until the next rebuild")]
    private static partial void LogSetAside(ILogger logger, Guid participantId, Guid periodId, Exception exception);

    /// <summary>
    /// A participant-month's live earnings (null: set aside, its statement cannot be calculated), the outbox rows past
    /// the batch that built it already inside the snapshot it was built from (positions after
    /// <paramref name="builtAfter"/> up to <paramref name="includedThrough"/>), and the rows held back by pacing.
    /// </summary>
    private sealed class Entry(LiveEarnings? earnings, long builtAfter, long includedThrough)
    {
        public LiveEarnings? Earnings { get; } = earnings;

        /// <summary>The last position of the batch that built the entry (whose own rows it applies one by one).</summary>
        public long BuiltAfter { get; } = builtAfter;

        /// <summary>The last position committed in the entry's snapshot.</summary>
        public long IncludedThrough { get; } = includedThrough;

        /// <summary>True for an event of a later batch already in the snapshot: skipped when it arrives.</summary>
        public bool Includes(long position) => position > BuiltAfter && position <= IncludedThrough;

        public List<Row> Held { get; } = [];

        public OutboxEnvelope? HeldLast { get; set; }

        /// <summary>When a paced recalculation may run next (see <see cref="Spacing"/>).</summary>
        public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class TenantState(DateTimeOffset expires)
    {
        public DateTimeOffset Expires { get; } = expires;

        public long LastApplied { get; set; }

        /// <summary>When the earliest held-back recalculation is due.</summary>
        public DateTimeOffset? Due { get; set; }

        /// <summary>The tenant's fiscal months that are not locked, by start date.</summary>
        public List<Period>? Months { get; set; }

        public Dictionary<(Guid Participant, Guid Period), Entry> Entries { get; } = [];

        /// <summary>Entries holding rows back for pacing (a key may outlive its entry: checked when flushed).</summary>
        public HashSet<(Guid Participant, Guid Period)> Waiting { get; } = [];

        /// <summary>
        /// Currencies, products and segments of the credits read so far, so the credits the cache keeps point at
        /// strings as old as the cache: a fresh string per batch, referenced from the old slab, is a young object held
        /// by an old one, which every collection has to find through the card table.
        /// </summary>
        public Dictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);

        /// <summary>Credit types by their stored name (see <see cref="Strings"/>).</summary>
        public Dictionary<string, CreditType> Types { get; } = new(StringComparer.Ordinal);

        /// <summary>Where the entries' credits sit (<see cref="CreditSlab"/>): dropped with the state, every <see cref="Lifetime"/> at the latest.</summary>
        public CreditSlab Slab { get; } = new();

        /// <summary>
        /// Per open month, what every build of it reads (plans, rates, months, locked payouts, and everyone's
        /// assignments, adjustments and quotas); kept like the entries, dropped on <c>compensation.changed</c> and on
        /// a dispute resolved with an adjustment.
        /// </summary>
        public Dictionary<Guid, CompensationInputLoader.TenantPart> Parts { get; } = [];

        public Guid? OpenMonth(DateOnly date)
        {
            foreach (var month in Months!)
            {
                if (month.StartDate <= date && date <= month.EndDate)
                {
                    return month.Id;
                }
            }

            return null;
        }
    }
}
