using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Domain.Compensation;
using Spm.Domain.Crediting;
using Spm.Domain.Currency;
using Spm.Domain.Organisation;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Reads everything one calculation needs from PostgreSQL into the engine's <see cref="CompensationInput"/>:
/// published plan versions (or a what-if's draft), assignments, month quotas, exchange rates, the locked
/// statements of earlier periods of the fiscal year and the credits. Credits are the bulk (millions in a big
/// tenant), so they stream through one plain reader rather than EF entities.
/// </summary>
public static class CompensationInputLoader
{
    /// <summary>What to calculate.</summary>
    /// <param name="Scope">Only these participants; everyone on a plan when null.</param>
    /// <param name="WhatIfVersion">A draft version used in place of its plan's published ones.</param>
    /// <param name="TenantPart">The period's tenant-wide data when the caller keeps it (<see cref="LoadTenantPartAsync"/>); read afresh when null.</param>
    public sealed record Request(Period Period, IReadOnlyCollection<Guid>? Scope, StoredCompPlanVersion? WhatIfVersion, int MaxDegreeOfParallelism = -1, TenantPart? TenantPart = null);

    /// <summary>
    /// What a calculation of one period reads whoever is calculated: the tenant, its fiscal months up to the period,
    /// every published plan version, the exchange rates and the locked payouts before the period. Live earnings keep
    /// it per open month, so building one participant reads that participant's rows only.
    /// </summary>
    /// <param name="Rows">Everyone's assignments, adjustments and month quotas for the period, when loaded with them.</param>
    public sealed record TenantPart(Period Period, Tenant Tenant, DateOnly YearStart, IReadOnlyDictionary<Guid, (DateOnly Start, DateOnly End)> Months, IReadOnlyList<CompPlan> Plans, IReadOnlyList<FxRate> Rates, IReadOnlyList<LockedRun> Locked, ParticipantRows? Rows = null);

    /// <summary>
    /// The per-participant rows of a period that are small (one or a few per participant), read for the whole tenant
    /// at once: live earnings build participants one or two at a time, and three queries per build were most of its
    /// round trips. The credits, the bulk, are still read per build, in the build's snapshot.
    /// </summary>
    public sealed record ParticipantRows(ILookup<Guid, StoredCompPlanAssignment> Assignments, ILookup<Guid, CompAdjustment> Adjustments, ILookup<Guid, QuotaRow> Quotas);

    /// <summary>A participant's revenue quota for one fiscal month, as stored.</summary>
    public sealed record QuotaRow(Guid ParticipantId, Guid PeriodId, decimal Amount, string? Currency);

    /// <summary>A locked payout of an earlier period: its run and dates.</summary>
    public sealed record LockedRun(Guid RunId, DateOnly Start, DateOnly End);

    /// <summary>
    /// Reads the tenant-wide part of <paramref name="period"/>'s input (see <see cref="TenantPart"/>), with everyone's
    /// <see cref="ParticipantRows"/> when <paramref name="withParticipantRows"/>.
    /// </summary>
    public static async Task<TenantPart> LoadTenantPartAsync(SpmDbContext db, Period period, bool withParticipantRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == period.TenantId, cancellationToken);
        var yearStart = tenant.Calendar.Year(period.FiscalYear).Start;
        // Month quotas only: quarters and years are sums of months, and passing them too would count twice.
        var months = await db.Periods.AsNoTracking()
            .Where(p => p.Kind == PeriodKind.Month && p.StartDate <= period.EndDate && p.EndDate >= yearStart)
            .Select(p => new { p.Id, p.StartDate, p.EndDate }).ToListAsync(cancellationToken);
        var plans = (await db.CompPlanVersions.AsNoTracking().Where(v => v.Status == CompPlanVersionStatus.Published).ToListAsync(cancellationToken))
            .Select(CompPlanDocuments.ToPlan).ToList();
        var rates = await db.FxRates.AsNoTracking().ToListAsync(cancellationToken);
        var locked = await (from b in db.PayoutBatches.AsNoTracking()
                            join p in db.Periods.AsNoTracking() on b.PeriodId equals p.Id
                            where b.Status == PayoutStatus.Locked && p.EndDate < period.StartDate
                            select new LockedRun(b.RunId, p.StartDate, p.EndDate)).ToListAsync(cancellationToken);
        var monthById = months.ToDictionary(m => m.Id, m => (m.StartDate, m.EndDate));
        ParticipantRows? rows = null;
        if (withParticipantRows)
        {
            rows = new ParticipantRows(
                (await AssignmentRowsAsync(db, period, null, cancellationToken)).ToLookup(a => a.ParticipantId),
                (await AdjustmentRowsAsync(db, period, null, cancellationToken)).ToLookup(a => a.ParticipantId),
                (await QuotaRowsAsync(db, [.. monthById.Keys], null, cancellationToken)).ToLookup(q => q.ParticipantId));
        }

        return new TenantPart(period, tenant, yearStart, monthById, plans, rates, [.. locked.OrderBy(l => l.Start)], rows);
    }

    private static Task<List<StoredCompPlanAssignment>> AssignmentRowsAsync(SpmDbContext db, Period period, List<Guid>? scoped, CancellationToken cancellationToken) =>
        db.CompPlanAssignments.AsNoTracking()
            .Where(a => a.EffectiveFrom <= period.EndDate && (a.EffectiveTo == null || a.EffectiveTo >= period.StartDate))
            .Where(a => scoped == null || scoped.Contains(a.ParticipantId))
            .ToListAsync(cancellationToken);

    private static Task<List<CompAdjustment>> AdjustmentRowsAsync(SpmDbContext db, Period period, List<Guid>? scoped, CancellationToken cancellationToken) =>
        db.CompAdjustments.AsNoTracking().Where(a => a.PeriodId == period.Id && (scoped == null || scoped.Contains(a.ParticipantId))).ToListAsync(cancellationToken);

    private static Task<List<QuotaRow>> QuotaRowsAsync(SpmDbContext db, List<Guid> monthKeys, List<Guid>? scoped, CancellationToken cancellationToken) =>
        db.Quotas.AsNoTracking()
            .Where(q => q.Type == QuotaType.Revenue && q.ParticipantId != null && monthKeys.Contains(q.PeriodId))
            .Where(q => scoped == null || scoped.Contains(q.ParticipantId!.Value))
            .Select(q => new QuotaRow(q.ParticipantId!.Value, q.PeriodId, q.Amount, q.Currency))
            .ToListAsync(cancellationToken);

    public static async Task<CompensationInput> LoadAsync(SpmDbContext db, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Period;
        var shared = request.TenantPart is { } kept && kept.Period.Id == period.Id ? kept : await LoadTenantPartAsync(db, period, withParticipantRows: false, cancellationToken);
        var tenant = shared.Tenant;
        var yearStart = shared.YearStart;
        var compPeriod = new CompPeriod(period.StartDate, period.EndDate);

        // A scoped load (live earnings builds a few participants at a time) asks the database for those only, not for
        // every assignment and quota of the tenant.
        var scoped = request.Scope?.Distinct().ToList();
        // Kept rows serve a scoped load only: a whole-tenant load reads them in its own snapshot.
        var rows = scoped is not null ? shared.Rows : null;
        var assignmentRows = rows is not null
            ? [.. scoped!.SelectMany(p => rows.Assignments[p])]
            : await AssignmentRowsAsync(db, period, scoped, cancellationToken);

        var planIds = assignmentRows.Select(a => a.PlanId).ToHashSet();
        var plans = shared.Plans.Where(p => planIds.Contains(p.PlanId)).ToList();
        var whatIf = request.WhatIfVersion;
        if (whatIf is not null)
        {
            plans.Add(CompPlanDocuments.ToPlan(whatIf));
        }

        var assignments = assignmentRows.OrderBy(a => a.Id)
            .Select(a => ToAssignment(a, whatIf is not null && whatIf.PlanId == a.PlanId ? whatIf.Version : null)).ToList();
        // Hand-made adjustments (resolved disputes, contest prizes) are paid through the engine as awards, so they are
        // statement lines like any other and the totals stay sums of lines; a winner without a plan this month is paid too.
        var adjustments = rows is not null
            ? [.. scoped!.SelectMany(p => rows.Adjustments[p])]
            : await AdjustmentRowsAsync(db, period, scoped, cancellationToken);
        var participants = assignments.Select(a => a.ParticipantId).Union(adjustments.Select(a => a.ParticipantId)).Distinct().ToList();

        var monthById = shared.Months;
        var monthKeys = monthById.Keys.ToList();
        var quotaRows = rows is not null
            ? [.. scoped!.SelectMany(p => rows.Quotas[p])]
            : await QuotaRowsAsync(db, monthKeys, scoped, cancellationToken);
        var inScope = participants.ToHashSet();
        var quotas = quotaRows.Where(q => inScope.Contains(q.ParticipantId) && q.Currency is not null)
            .Select(q => new ParticipantQuota(q.ParticipantId, monthById[q.PeriodId].Start, monthById[q.PeriodId].End, q.Amount, q.Currency!.Trim()))
            .ToList();

        var awards = adjustments.OrderBy(a => a.Id)
            .Select(a => new SpiffAward(a.Id, a.ParticipantId, a.Reason, a.Amount, a.Currency.Trim(), period.StartDate)).ToList();
        var rates = shared.Rates;
        var (priors, draws) = await LockedStatementsAsync(db, shared, inScope, cancellationToken);
        IReadOnlyList<CompCredit> credits = participants.Count == 0
            ? []
            : await LoadCreditsAsync(db, period.TenantId, yearStart, period.StartDate, period.EndDate, request.Scope is null ? null : participants, cancellationToken);
        if (whatIf is null && priors.Count > 0)
        {
            // A what-if prices a draft plan over this period only: corrections of paid periods are not its question.
            var fx = new FxRateTable(tenant.Id, tenant.ReportingCurrency, rates);
            var payCurrency = assignments.GroupBy(a => a.ParticipantId).ToDictionary(g => g.Key, g => g.First().Currency);
            priors = await RecalculatePriorsAsync(db, period, yearStart, tenant.FiscalYearStartMonth, shared.Plans, priors, credits, quotas, fx, payCurrency, request.MaxDegreeOfParallelism, cancellationToken);
        }

        return new CompensationInput
        {
            Period = compPeriod,
            FiscalYearStartMonth = tenant.FiscalYearStartMonth,
            Plans = plans,
            Assignments = assignments,
            Credits = credits,
            Quotas = quotas,
            DrawBalances = draws,
            PriorPeriods = priors,
            Awards = awards,
            Fx = new FxRateTable(tenant.Id, tenant.ReportingCurrency, rates),
            Participants = request.Scope is null ? null : participants,
            MaxDegreeOfParallelism = request.MaxDegreeOfParallelism,
        };
    }

    /// <summary>
    /// The credits a calculation reads: every ledger row posted from the fiscal year's start to the period's end
    /// (bonus windows, year caps), plus rows of sales cancelled during the period whatever their posting date
    /// (clawbacks). A row of a cancelled sale carries the day the cancellation arrived; the reversal rows the
    /// cancellation itself wrote are left out, because the engine takes the earnings back itself (a clawback inside
    /// the window, nothing outside it) and the reversal would subtract a second time.
    /// </summary>
    public static async Task<IReadOnlyList<CompCredit>> LoadCreditsAsync(
        SpmDbContext db, Guid tenantId, DateOnly from, DateOnly periodStart, DateOnly periodEnd, IReadOnlyCollection<Guid>? participants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            // A scoped read goes participant by participant through the (tenant, participant, posting date) index,
            // whatever the statistics say. For a tenant created since the last ANALYZE (estimated at one row) the
            // planner otherwise takes the (tenant, sale) index, filters all the tenant's credits and sorts them (sorting
            // one estimated row costs nothing): 85,000 rows per participant in `./spm bench comp live`, where a batch of
            // a hundred first touches held the dispatcher's tenant lock for more than 15 s. So the ORDER BY is that
            // index's order and sorting is ruled out for this statement (below): only that index can give the order
            // (EXPLAIN ANALYZE for the two largest holders: 87 ms -> 47 ms, most of it their 23,000 sale lookups).
            // OFFSET 0 keeps the lookup from being flattened into a join.
            var source = participants is null
                ? "credits c"
                : """
                  unnest(@participants) AS k(participant)
                  CROSS JOIN LATERAL (SELECT * FROM credits c WHERE c.tenant_id = @tenant AND c.participant_id = k.participant
                                      ORDER BY c.tenant_id, c.participant_id, c.posting_date OFFSET 0) c
                  """;
            var sql = $"""
                SELECT c.id, c.participant_id, c.sale_id, c.type, c.adjusted_type, c.pay_amount, c.pay_currency, c.close_date, c.posting_date,
                       s.product, s.segment, CASE WHEN s.is_cancelled THEN (s.updated_at AT TIME ZONE 'UTC')::date END
                FROM {source} JOIN sales s ON s.id = c.sale_id
                WHERE c.tenant_id = @tenant
                  AND NOT (s.is_cancelled AND c.is_reversal AND c.sale_revision = s.current_revision)
                  AND (c.posting_date BETWEEN @from AND @end
                       OR (s.is_cancelled AND (s.updated_at AT TIME ZONE 'UTC')::date BETWEEN @start AND @end))
                """;
            // SET LOCAL needs a transaction: a caller without one gets a short one of its own.
            await using var own = participants is not null && db.Database.CurrentTransaction is null
                ? await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken)
                : null;
            string? sortBefore = null;
            if (participants is not null)
            {
                await using var noSort = new NpgsqlCommand("SELECT current_setting('enable_sort'), set_config('enable_sort', 'off', true)", connection);
                await using var setting = await noSort.ExecuteReaderAsync(cancellationToken);
                await setting.ReadAsync(cancellationToken);
                sortBefore = setting.GetString(0);
            }

            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("tenant", tenantId);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("start", periodStart);
            command.Parameters.AddWithValue("end", periodEnd);
            if (participants is not null)
            {
                command.Parameters.AddWithValue("participants", participants.ToArray());
            }

            // In chunks, not a List that doubles through megabyte arrays (ChunkedList).
            var result = new ChunkedList<CompCredit>();
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            var types = new Dictionary<string, CreditType>(StringComparer.Ordinal);
            // A plain reader with synchronous column reads: millions of rows, so no per-value async state machine.
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Sequential access: columns are read strictly in order.
                var credit = ReadCredit(reader, strings, types);
                result.Add(reader.IsDBNull(11) ? credit : credit with { CancelledOn = reader.GetFieldValue<DateOnly>(11) });
            }

            await reader.DisposeAsync();
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            else if (sortBefore is not null)
            {
                // The caller's transaction goes on: its later statements plan as they did before.
                await using var sortAgain = new NpgsqlCommand("SELECT set_config('enable_sort', $1, true)", connection) { Parameters = { new() { Value = sortBefore } } };
                await sortAgain.ExecuteScalarAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static CreditType TypeOf(Dictionary<string, CreditType> types, string name)
    {
        if (!types.TryGetValue(name, out var type))
        {
            type = Enum.Parse<CreditType>(name);
            types[name] = type;
        }

        return type;
    }

    private static string Intern(Dictionary<string, string> strings, string value)
    {
        if (strings.TryGetValue(value, out var known))
        {
            return known;
        }

        strings[value] = value;
        return value;
    }

    /// <summary>
    /// Each locked period of the fiscal year calculated again with today's data (the credits now stored, which include
    /// late credits and re-crediting adjustments that posted to its dates, today's plans, quotas and rates), for the
    /// participants it paid. The engine compares it with what was paid and puts the difference on this period's
    /// statement as a prior-period adjustment (<see cref="PriorPeriodResult"/>). A locked period is calculated with the
    /// draw balance it opened with and the locked statements before it, exactly as its own run was; its awards are left
    /// out because they are not recalculated (the engine leaves award lines out of the comparison).
    /// </summary>
    /// <remarks>
    /// Since locking a payout also locks the period for crediting (PayoutMutations), a sale arriving late for a paid
    /// period posts its credit in the open period, where this period's own run pays it; the recalculation of the locked
    /// period does not see it (it reads credits by posting date), so it is never paid twice. What remains for
    /// corrections: credits written into a paid period's dates by other paths (a period unlocked for crediting, rows
    /// loaded directly), and changes of plans, quotas or rates that reach back into it.
    /// </remarks>
    private static async Task<List<PriorPeriodResult>> RecalculatePriorsAsync(
        SpmDbContext db, Period period, DateOnly yearStart, int fiscalYearStartMonth, IReadOnlyList<CompPlan> published, List<PriorPeriodResult> priors, IReadOnlyList<CompCredit> credits,
        List<ParticipantQuota> quotas, FxRateTable fx, Dictionary<Guid, string> payCurrency, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var participants = payCurrency.Keys.ToHashSet();
        var rows = await db.CompPlanAssignments.AsNoTracking()
            .Where(a => a.EffectiveFrom <= period.EndDate && (a.EffectiveTo == null || a.EffectiveTo >= yearStart))
            .ToListAsync(cancellationToken);
        rows = [.. rows.Where(a => participants.Contains(a.ParticipantId)).OrderBy(a => a.Id)];
        var planIds = rows.Select(a => a.PlanId).ToHashSet();
        var plans = published.Where(p => planIds.Contains(p.PlanId)).ToList();

        var result = new List<PriorPeriodResult>(priors.Count);
        foreach (var group in priors.GroupBy(p => p.Locked.Period).OrderBy(g => g.Key.Start))
        {
            var locked = group.Key;
            var who = group.Select(p => p.Locked.ParticipantId).ToHashSet();
            var assignments = rows.Where(a => who.Contains(a.ParticipantId) && a.EffectiveFrom <= locked.End && (a.EffectiveTo == null || a.EffectiveTo >= locked.Start))
                .Select(a => ToAssignment(a, null)).ToList();
            var recalculated = CompensationEngine.Calculate(new CompensationInput
            {
                Period = locked,
                FiscalYearStartMonth = fiscalYearStartMonth,
                Plans = plans,
                Assignments = assignments,
                Credits = [.. credits.Where(c => c.PostingDate <= locked.End && who.Contains(c.ParticipantId))],
                Quotas = quotas,
                DrawBalances = [.. group.Where(p => p.Locked.DrawBalanceBefore != 0m).Select(p => new DrawBalance(p.Locked.ParticipantId, p.Locked.DrawBalanceBefore, p.Locked.Currency))],
                PriorPeriods = [.. priors.Where(p => p.Locked.Period.End < locked.Start && who.Contains(p.Locked.ParticipantId)).Select(p => new PriorPeriodResult(p.Locked))],
                Fx = fx,
                Participants = [.. who],
                MaxDegreeOfParallelism = maxDegreeOfParallelism,
            }).Participants.ToDictionary(p => p.ParticipantId);
            foreach (var p in group)
            {
                // Nobody on a plan in that period any more: nothing to compare, the payment stands. A participant whose pay
                // currency changed since is not corrected either: the engine refuses to net two currencies, and one such
                // participant must not stop the whole run (and every later run of the year) for everyone.
                var comparable = recalculated.TryGetValue(p.Locked.ParticipantId, out var now)
                    && string.Equals(now.Currency, p.Locked.Currency, StringComparison.Ordinal)
                    && string.Equals(payCurrency[p.Locked.ParticipantId], p.Locked.Currency, StringComparison.Ordinal);
                result.Add(comparable ? new PriorPeriodResult(p.Locked, now) : p);
            }
        }

        return result;
    }

    /// <summary>
    /// One credit from columns 0-10 of a reader, in this order: id, participant_id, sale_id, type, adjusted_type,
    /// pay_amount, pay_currency, close_date, posting_date, product, segment (every reader of credits for the engine
    /// selects them so; <paramref name="strings"/> and <paramref name="types"/> share repeated values across rows).
    /// </summary>
    internal static CompCredit ReadCredit(NpgsqlDataReader reader, Dictionary<string, string> strings, Dictionary<string, CreditType> types)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var id = reader.GetGuid(0);
        var participant = reader.GetGuid(1);
        var sale = reader.GetGuid(2);
        var type = TypeOf(types, reader.GetString(3));
        var adjusted = TypeOf(types, reader.GetString(4));
        return new CompCredit
        {
            CreditId = id,
            ParticipantId = participant,
            SaleId = sale,
            // An adjustment counts as the type it corrects (Credit.BaseType).
            Type = type == CreditType.Adjustment ? adjusted : type,
            Amount = reader.GetDecimal(5),
            Currency = Intern(strings, reader.GetString(6)),
            CloseDate = reader.GetFieldValue<DateOnly>(7),
            PostingDate = reader.GetFieldValue<DateOnly>(8),
            Product = reader.IsDBNull(9) ? null : Intern(strings, reader.GetString(9)),
            Segment = reader.IsDBNull(10) ? null : Intern(strings, reader.GetString(10)),
            // The ledger keeps no unit count: each credit is one unit of its sale.
            Quantity = 1m,
        };
    }

    /// <summary>A stored assignment as the engine reads it; <paramref name="planVersion"/> pins a what-if version.</summary>
    private static PlanAssignment ToAssignment(StoredCompPlanAssignment a, int? planVersion) => new()
    {
        AssignmentId = a.Id,
        ParticipantId = a.ParticipantId,
        PlanId = a.PlanId,
        PlanVersion = planVersion,
        From = a.EffectiveFrom,
        To = a.EffectiveTo,
        OnTargetEarnings = a.OnTargetEarnings,
        TargetIncentive = a.TargetIncentive,
        Currency = a.Currency.Trim(),
    };

    /// <summary>Locked statements of earlier periods of the fiscal year, and the draw balance carried out of the latest one.</summary>
    private static async Task<(List<PriorPeriodResult> Priors, List<DrawBalance> Draws)> LockedStatementsAsync(
        SpmDbContext db, TenantPart shared, HashSet<Guid> participants, CancellationToken cancellationToken)
    {
        var priors = new List<PriorPeriodResult>();
        var draws = new Dictionary<Guid, DrawBalance>();
        foreach (var run in shared.Locked)
        {
            var wanted = participants.ToList();
            var results = await db.CalculationResults.AsNoTracking().Where(r => r.RunId == run.RunId && wanted.Contains(r.ParticipantId)).ToListAsync(cancellationToken);
            var ids = results.Select(r => r.ParticipantId).ToList();
            var lines = (await db.CalculationLines.AsNoTracking().Where(l => l.RunId == run.RunId && ids.Contains(l.ParticipantId)).ToListAsync(cancellationToken))
                .ToLookup(l => l.ParticipantId);
            var compPeriod = new CompPeriod(run.Start, run.End);
            foreach (var r in results)
            {
                // Every locked period carries the balance on; the latest one before this period wins.
                draws[r.ParticipantId] = new DrawBalance(r.ParticipantId, r.DrawBalanceCarried, r.Currency.Trim());
                if (run.Start >= shared.YearStart)
                {
                    priors.Add(new PriorPeriodResult(CalculationResults.ToParticipantResult(r, lines[r.ParticipantId], compPeriod)));
                }
            }
        }

        return (priors, [.. draws.Values.Where(d => d.Amount != 0)]);
    }
}
