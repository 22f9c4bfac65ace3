using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Compensation;

/// <summary>Root query fields of compensation: plans and runs (sales operations), statements and disputes (row-level), payouts and expense (finance).</summary>
public static class CompensationQueries
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompPlanGraphType>>>>("compPlans")
            .Requires(Capability.ManageCompensation)
            .Description("Every compensation plan of the tenant with its versions, by name.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var plans = await db.CompPlans.AsNoTracking().OrderBy(p => p.Name).ToListAsync(c.CancellationToken);
                var versions = (await db.CompPlanVersions.AsNoTracking().ToListAsync(c.CancellationToken)).ToLookup(v => v.PlanId);
                return (object)plans.Select(p => new CompPlanView(p, [.. versions[p.Id].OrderByDescending(v => v.Version)])).ToList();
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompPlanAssignmentGraphType>>>>("compPlanAssignments")
            .Requires(Capability.ManageCompensation)
            .Description("Plan assignments, of one participant or of everyone, by start date.")
            .Argument<IdGraphType>("participantId", "Only this participant's.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var id = GlobalId.TryDecode(c.GetArgument<string?>("participantId"), ParticipantGraphType.TypeName);
                var rows = db.CompPlanAssignments.AsNoTracking();
                if (c.GetArgument<string?>("participantId") is not null)
                {
                    rows = rows.Where(a => a.ParticipantId == id);
                }

                return (object)await rows.OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).ToListAsync(c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CalculationRunGraphType>>>>("calculationRuns")
            .Requires(Capability.ManageCompensation)
            .Description("Calculation runs, newest first (at most 100).")
            .Argument<IdGraphType>("periodId", "Only this period's.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var rows = db.CalculationRuns.AsNoTracking();
                if (c.GetArgument<string?>("periodId") is { } text)
                {
                    var id = GlobalId.TryDecode(text, PeriodGraphType.TypeName);
                    rows = rows.Where(r => r.PeriodId == id);
                }

                return (object)await rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(100).ToListAsync(c.CancellationToken);
            });
        query.Field<CalculationRunGraphType>("calculationRun")
            .Requires(Capability.ManageCompensation)
            .Description("One calculation run, with its progress; null for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of the run.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var id = GlobalId.TryDecode(c.GetArgument<string>("id"), CalculationRunGraphType.TypeName);
                return id is null ? null : await db.CalculationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, c.CancellationToken);
            });
        query.Field<RunComparisonGraphType>("compareCalculationRuns")
            .Requires(Capability.ManageCompensation)
            .Description("Two completed runs side by side: payout per participant and in total per currency, B minus A (e.g. a what-if against the published plan). Null when either run is unknown or not completed.")
            .Argument<NonNullGraphType<IdGraphType>>("a", "Global id of run A (the reference).")
            .Argument<NonNullGraphType<IdGraphType>>("b", "Global id of run B.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var a = GlobalId.TryDecode(c.GetArgument<string>("a"), CalculationRunGraphType.TypeName);
                var b = GlobalId.TryDecode(c.GetArgument<string>("b"), CalculationRunGraphType.TypeName);
                return await CompareAsync(db, a, b, c.CancellationToken);
            });
        query.Field<StatementGraphType>("statement")
            .Requires(Capability.ReadEarnings)
            .Description("A participant's statement for a period: from `runId`, or else the paid one (the run of the period's locked payout), or else the latest completed regular run of the period. Visible to the participant, their managers, finance and admin; null for anyone else (and when there is none). Printable: GET /statements/{runId}/{participantId}.")
            .Argument<NonNullGraphType<IdGraphType>>("participantId", "Global id of the participant.")
            .Argument<IdGraphType>("periodId", "Global id of the period (required without runId).")
            .Argument<IdGraphType>("runId", "Global id of a completed run.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var participant = GlobalId.TryDecode(c.GetArgument<string>("participantId"), ParticipantGraphType.TypeName);
                var periodText = c.GetArgument<string?>("periodId");
                var runText = c.GetArgument<string?>("runId");
                var period = GlobalId.TryDecode(periodText, PeriodGraphType.TypeName);
                var run = GlobalId.TryDecode(runText, CalculationRunGraphType.TypeName);
                if (participant is null || (periodText is not null && period is null) || (runText is not null && run is null))
                {
                    return null;
                }

                if (period is null && run is null)
                {
                    throw new ExecutionError("Give `periodId`, `runId` or both.") { Code = "INVALID_ARGUMENT" };
                }

                return await c.RequestServices!.GetRequiredService<StatementReader>().ReadAsync(db, participant.Value, period, run, c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisputeGraphType>>>>("disputes")
            .Requires(Capability.ReadEarnings)
            .Description("Disputes the caller may see (a rep their own, a manager their subtree's, finance and admin all), newest first, at most 100.")
            .Argument<DisputeStatusGraphType>("status", "Only disputes in this status.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var visible = await c.RequestServices!.GetRequiredService<EarningsVisibility>().ParticipantsAsync(c.CancellationToken);
                var rows = db.Disputes.AsNoTracking();
                if (visible is not null)
                {
                    var ids = visible.ToList();
                    rows = rows.Where(d => ids.Contains(d.ParticipantId));
                }

                if (c.GetArgument<DisputeStatus?>("status") is { } status)
                {
                    rows = rows.Where(d => d.Status == status);
                }

                return (object)await rows.OrderByDescending(d => d.OpenedAt).ThenByDescending(d => d.Id).Take(100).ToListAsync(c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PayoutGraphType>>>>("payouts")
            .Requires(Capability.ManagePayouts)
            .Description("Payouts (period closes), newest first, at most 100.")
            .Argument<IdGraphType>("periodId", "Only this period's.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var rows = db.PayoutBatches.AsNoTracking();
                if (c.GetArgument<string?>("periodId") is { } text)
                {
                    var id = GlobalId.TryDecode(text, PeriodGraphType.TypeName);
                    rows = rows.Where(b => b.PeriodId == id);
                }

                var batches = await rows.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Take(100).ToListAsync(c.CancellationToken);
                var views = new List<PayoutView>(batches.Count);
                foreach (var batch in batches)
                {
                    views.Add(await PayoutMutations.ViewAsync(db, batch, c.CancellationToken));
                }

                return (object)views;
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommissionExpenseGraphType>>>>("commissionExpense")
            .Requires(Capability.ManagePayouts)
            .Description("Commission expense per month of a fiscal year and per pay currency: earned (latest completed regular run), accrued (earned, not yet paid) and paid (locked payouts).")
            .Argument<NonNullGraphType<IntGraphType>>("fiscalYear", "The fiscal year.")
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                return (object)await CommissionExpenseAsync(db, c.GetArgument<int>("fiscalYear"), c.CancellationToken);
            });
    }

    private static Task<SpmDbContext> Db(IResolveFieldContext c) =>
        c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);

    private static async Task<RunComparison?> CompareAsync(SpmDbContext db, Guid? a, Guid? b, CancellationToken ct)
    {
        var runs = await db.CalculationRuns.AsNoTracking().Where(r => (r.Id == a || r.Id == b) && r.Status == CalculationRunStatus.Completed).ToListAsync(ct);
        var runA = runs.SingleOrDefault(r => r.Id == a);
        var runB = runs.SingleOrDefault(r => r.Id == b);
        if (runA is null || runB is null)
        {
            return null;
        }

        var results = await db.CalculationResults.AsNoTracking().Where(r => r.RunId == runA.Id || r.RunId == runB.Id)
            .Select(r => new { r.RunId, r.ParticipantId, r.Currency, r.Payout }).ToListAsync(ct);
        var participants = results.GroupBy(r => r.ParticipantId).OrderBy(g => g.Key)
            .Select(g =>
            {
                var inA = g.FirstOrDefault(r => r.RunId == runA.Id);
                var inB = g.FirstOrDefault(r => r.RunId == runB.Id);
                return new ParticipantDifference(g.Key, (inB ?? inA)!.Currency.Trim(), inA?.Payout, inB?.Payout);
            }).ToList();
        var totals = participants.GroupBy(p => p.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyDifference(g.Key, g.Sum(p => p.A ?? 0m), g.Sum(p => p.B ?? 0m))).ToList();
        return new RunComparison(runA, runB, participants, totals);
    }

    private static async Task<List<CommissionExpense>> CommissionExpenseAsync(SpmDbContext db, int fiscalYear, CancellationToken ct)
    {
        var months = await db.Periods.AsNoTracking().Where(p => p.FiscalYear == fiscalYear && p.Kind == Domain.Organisation.PeriodKind.Month).OrderBy(p => p.StartDate).ToListAsync(ct);
        var ids = months.Select(p => p.Id).ToList();
        var runs = await db.CalculationRuns.AsNoTracking()
            .Where(r => ids.Contains(r.PeriodId) && r.Kind == CalculationRunKind.Regular && r.Status == CalculationRunStatus.Completed && r.Scope == null)
            .ToListAsync(ct);
        var latest = runs.GroupBy(r => r.PeriodId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).First().Id);
        var latestIds = latest.Values.ToList();
        var earned = (await db.CalculationResults.AsNoTracking().Where(r => latestIds.Contains(r.RunId))
            .GroupBy(r => new { r.RunId, r.Currency }).Select(g => new { g.Key.RunId, g.Key.Currency, Sum = g.Sum(r => r.Payout) }).ToListAsync(ct))
            .ToLookup(x => x.RunId);
        var paid = (await (from b in db.PayoutBatches.AsNoTracking()
                           join l in db.PayoutLines.AsNoTracking() on b.Id equals l.BatchId
                           where b.Status == PayoutStatus.Locked && ids.Contains(b.PeriodId)
                           group l by new { b.PeriodId, l.Currency } into g
                           select new { g.Key.PeriodId, g.Key.Currency, Sum = g.Sum(l => l.Amount) }).ToListAsync(ct))
            .ToLookup(x => x.PeriodId);
        var result = new List<CommissionExpense>();
        foreach (var month in months)
        {
            var earnedHere = latest.TryGetValue(month.Id, out var runId) ? earned[runId].ToDictionary(e => e.Currency.Trim(), e => e.Sum, StringComparer.Ordinal) : [];
            var paidHere = paid[month.Id].ToDictionary(p => p.Currency.Trim(), p => p.Sum, StringComparer.Ordinal);
            foreach (var currency in earnedHere.Keys.Union(paidHere.Keys).Order(StringComparer.Ordinal))
            {
                var e = earnedHere.GetValueOrDefault(currency);
                var p = paidHere.GetValueOrDefault(currency);
                // Once paid, nothing of the period is accrued any more: later changes are adjustments of the next period.
                // A zero written with the currency's decimals, so "0.00" reads like every other amount.
                var zero = new decimal(0, 0, 0, false, (byte)Domain.Common.CurrencyCode.MinorUnits(currency));
                result.Add(new CommissionExpense(month, currency, e + zero, (paidHere.ContainsKey(currency) ? 0m : e) + zero, p + zero));
            }
        }

        return result;
    }
}
