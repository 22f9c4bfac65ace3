using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Approvals;
using Spm.Api.Features.Contests;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Domain.Compensation;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Compensation;

/// <summary>GraphQL shape of <see cref="CompPlanView"/>.</summary>
public sealed class CompPlanGraphType : ObjectGraphType<CompPlanView>
{
    public const string TypeName = "CompPlan";

    public CompPlanGraphType()
    {
        Name = TypeName;
        Description = "An incentive compensation plan: data, not code, in effective-dated versions. Participants are assigned to the plan; each day pays under the published version in force that day.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is CompPlanView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Plan.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique within the tenant.").Resolve(c => c.Source.Plan.Name);
        Field<StringGraphType>("description").Description("Free text for plan designers.").Resolve(c => c.Source.Plan.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompPlanVersionGraphType>>>>("versions").Description("Every version, newest first.").Resolve(c => c.Source.Versions);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the plan was created (UTC).").Resolve(c => c.Source.Plan.CreatedAt.UtcDateTime);
    }
}

/// <summary>GraphQL shape of <see cref="StoredCompPlanVersion"/>.</summary>
public sealed class CompPlanVersionGraphType : ObjectGraphType<StoredCompPlanVersion>
{
    public const string TypeName = "CompPlanVersion";

    public CompPlanVersionGraphType()
    {
        Name = TypeName;
        Description = "One version of a plan: its rules as a JSON document (validated by the engine on every write) and the dates it is in force.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is StoredCompPlanVersion;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("version").Description("1, 2, 3... within the plan.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<CompPlanVersionStatusGraphType>>("status").Description("DRAFT or PUBLISHED.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day in force.").Resolve(c => c.Source.EffectiveFrom);
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day in force (inclusive); null while open-ended. Publishing a later version closes this one the day before it starts.").Resolve(c => c.Source.EffectiveTo);
        Field<NonNullGraphType<StringGraphType>>("document").Description("The plan document (JSON): components, rate tables, gates, caps, bonuses, SPIFFs, draws, clawbacks.").Resolve(c => c.Source.Document);
        Field<DateTimeGraphType>("publishedAt").Description("When it was published (UTC); null for a draft.").Resolve(c => c.Source.PublishedAt?.UtcDateTime);
    }
}

/// <summary>GraphQL shape of <see cref="StoredCompPlanAssignment"/>.</summary>
public sealed class CompPlanAssignmentGraphType : ObjectGraphType<StoredCompPlanAssignment>
{
    public const string TypeName = "CompPlanAssignment";

    public CompPlanAssignmentGraphType()
    {
        Name = TypeName;
        Description = "A participant on a plan over a date range, with their on-target earnings and target incentive; a partial period is prorated by days.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is StoredCompPlanAssignment;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<ParticipantGraphType>("participant").Description("The payee.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ParticipantId));
        Field<NonNullGraphType<IdGraphType>>("planId").Description("Global id of the plan.").Resolve(c => GlobalId.Encode(CompPlanGraphType.TypeName, c.Source.PlanId));
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day on the plan.").Resolve(c => c.Source.EffectiveFrom);
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day on the plan (inclusive); null while open-ended.").Resolve(c => c.Source.EffectiveTo);
        Field<NonNullGraphType<MoneyGraphType>>("onTargetEarnings").Description("Annual on-target earnings (base plus target incentive).").Resolve(c => new MoneyValue(c.Source.OnTargetEarnings, c.Source.Currency.Trim()));
        Field<NonNullGraphType<MoneyGraphType>>("targetIncentive").Description("Annual target incentive: the base of bonuses paid as a percentage of it.").Resolve(c => new MoneyValue(c.Source.TargetIncentive, c.Source.Currency.Trim()));
    }
}

/// <summary>GraphQL shape of <see cref="CalculationRun"/>.</summary>
public sealed class CalculationRunGraphType : ObjectGraphType<CalculationRun>
{
    public const string TypeName = "CalculationRun";

    public CalculationRunGraphType()
    {
        Name = TypeName;
        Description = "One calculation of a period for all participants or some: deterministic, computed in the background in parallel per participant; its results never change.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is CalculationRun;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<PeriodGraphType>("period").Description("The period calculated.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().PeriodById.LoadAsync(c.Source.PeriodId));
        Field<NonNullGraphType<CalculationRunKindGraphType>>("kind").Description("REGULAR or WHAT_IF.").Resolve(c => c.Source.Kind);
        Field<IdGraphType>("whatIfVersionId").Description("For a what-if, the draft plan version used.").Resolve(c => c.Source.WhatIfVersionId is { } v ? GlobalId.Encode(CompPlanVersionGraphType.TypeName, v) : null);
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("scope").Description("The participants asked for; null for everyone on a plan.")
            .Resolve(c => c.Source.Scope?.Select(p => GlobalId.Encode(ParticipantGraphType.TypeName, p)).ToList());
        Field<NonNullGraphType<CalculationRunStatusGraphType>>("status").Description("QUEUED, RUNNING, COMPLETED or FAILED.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("participantsTotal").Description("Participants to calculate (known once running).").Resolve(c => c.Source.ParticipantsTotal);
        Field<NonNullGraphType<IntGraphType>>("participantsDone").Description("Participants calculated so far.").Resolve(c => c.Source.ParticipantsDone);
        Field<NonNullGraphType<FloatGraphType>>("progress").Description("participantsDone / participantsTotal, 0 to 1 (1 once completed).")
            .Resolve(c => c.Source.Status == Infrastructure.Compensation.CalculationRunStatus.Completed ? 1d : c.Source.ParticipantsTotal == 0 ? 0d : (double)c.Source.ParticipantsDone / c.Source.ParticipantsTotal);
        Field<NonNullGraphType<LongGraphType>>("creditsRead").Description("Credits the run read from the ledger.").Resolve(c => c.Source.CreditsRead);
        Field<StringGraphType>("error").Description("Why a FAILED run stopped.").Resolve(c => c.Source.Error);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When it was requested (UTC).").Resolve(c => c.Source.CreatedAt.UtcDateTime);
        Field<DateTimeGraphType>("startedAt").Description("When a worker started it (UTC).").Resolve(c => c.Source.StartedAt?.UtcDateTime);
        Field<DateTimeGraphType>("finishedAt").Description("When it completed or failed (UTC).").Resolve(c => c.Source.FinishedAt?.UtcDateTime);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoneyGraphType>>>>("totalPayout").Description("Sum of the participants' payouts per pay currency (empty until completed).")
            .ResolveAsync(async c =>
            {
                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var runId = c.Source.Id;
                var totals = await db.CalculationResults.AsNoTracking().Where(r => r.RunId == runId)
                    .GroupBy(r => r.Currency).Select(g => new { g.Key, Sum = g.Sum(r => r.Payout) }).ToListAsync(c.CancellationToken);
                return (object)totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new MoneyValue(t.Sum, t.Key.Trim())).ToList();
            });
    }
}

/// <summary>GraphQL shape of <see cref="StatementView"/>.</summary>
public sealed class StatementGraphType : ObjectGraphType<StatementView>
{
    public StatementGraphType()
    {
        Name = "Statement";
        Description = "A participant's earnings for a period from one run: every line traces to the credits, sales and plan rule behind it. Totals are sums of the rounded lines.";
        Field<ParticipantGraphType>("participant").Description("The payee.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.Result.ParticipantId));
        Field<NonNullGraphType<PeriodGraphType>>("period").Description("The period.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<CalculationRunGraphType>>("run").Description("The run it comes from.").Resolve(c => c.Source.Run);
        Field<NonNullGraphType<MoneyGraphType>>("credited").Description("Counted credits of the period in pay currency.").Resolve(c => Money(c.Source, c.Source.Result.Credited));
        Field<MoneyGraphType>("quota").Description("The period's quota in pay currency; null without one.").Resolve(c => c.Source.Result.Quota is { } q ? Money(c.Source, q) : null);
        Field<DecimalStringGraphType>("attainment").Description("Credited / quota as a fraction (\"1.05\" = 105 %); null without a quota.").Resolve(c => c.Source.Result.Attainment);
        Field<NonNullGraphType<MoneyGraphType>>("earnings").Description("Every line but draws and their recovery.").Resolve(c => Money(c.Source, c.Source.Result.Earnings));
        Field<NonNullGraphType<MoneyGraphType>>("drawPaid").Description("Draw paid this period.").Resolve(c => Money(c.Source, c.Source.Result.DrawPaid));
        Field<NonNullGraphType<MoneyGraphType>>("drawRecovered").Description("Earlier draws repaid this period.").Resolve(c => Money(c.Source, c.Source.Result.DrawRecovered));
        Field<NonNullGraphType<MoneyGraphType>>("drawBalance").Description("Recoverable draw still owed after this period.").Resolve(c => Money(c.Source, c.Source.Result.DrawBalanceCarried));
        Field<NonNullGraphType<MoneyGraphType>>("payout").Description("What payroll pays: the sum of every line.").Resolve(c => Money(c.Source, c.Source.Result.Payout));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementLineGraphType>>>>("lines").Description("Every line, in statement order.").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementLineGraphType>>>>("priorPeriodAdjustments")
            .Description("The lines that correct an earlier period (prior-period adjustments and clawbacks); also in `lines`.")
            .Resolve(c => c.Source.Lines.Where(l => l.AdjustsFrom is not null).ToList());
    }

    private static MoneyValue Money(StatementView s, decimal amount) => new(amount, s.Result.Currency.Trim());
}

/// <summary>GraphQL shape of <see cref="CalculationLine"/>.</summary>
public sealed class StatementLineGraphType : ObjectGraphType<CalculationLine>
{
    public StatementLineGraphType()
    {
        Name = "StatementLine";
        Description = "One line of a statement: what was paid, on what basis, at which tier and rate, under which plan rule, from which credits.";
        Field<NonNullGraphType<IntGraphType>>("lineNo").Description("Position in the statement, from 1 (a dispute names it).").Resolve(c => c.Source.LineNo);
        Field<NonNullGraphType<StatementLineKindGraphType>>("kind").Description("What the line pays or takes back.").Resolve(c => Enum.Parse<LineKind>(c.Source.Kind));
        Field<NonNullGraphType<IdGraphType>>("planId").Description("Global id of the plan.").Resolve(c => GlobalId.Encode(CompPlanGraphType.TypeName, c.Source.PlanId));
        Field<NonNullGraphType<IntGraphType>>("planVersion").Description("The plan version whose rule applied.").Resolve(c => c.Source.PlanVersion);
        Field<NonNullGraphType<StringGraphType>>("componentId").Description("The plan component (rule) id; empty for plan-level caps.").Resolve(c => c.Source.ComponentId);
        Field<NonNullGraphType<StringGraphType>>("component").Description("The component's name.").Resolve(c => c.Source.ComponentName);
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The rule in words, e.g. \"tier 2: from 100% attainment at 8%\".").Resolve(c => c.Source.Rule);
        Field<IntGraphType>("tier").Description("1-based tier (commission) or threshold (bonus).").Resolve(c => c.Source.Tier);
        Field<NonNullGraphType<DecimalStringGraphType>>("basis").Description("What the rate applies to: an amount in the line's currency, or units or deals for a SPIFF.").Resolve(c => Trim(c.Source.Basis));
        Field<DecimalStringGraphType>("rate").Description("The rate: a fraction for commission (\"0.05\" = 5 %), an amount per unit or deal for a SPIFF; null for caps, draws and adjustments.").Resolve(c => c.Source.Rate is { } r ? Trim(r) : (decimal?)null);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("Rounded to the currency's minor unit, half away from zero.").Resolve(c => new MoneyValue(c.Source.Amount, c.Source.Currency.Trim()));
        Field<IdGraphType>("contestId").Description("For a contest prize (an AWARD line): global id of the contest it was won in; null otherwise.")
            .ResolveAsync(async c =>
            {
                if (c.Source.AwardId is not { } id || c.Source.Kind != nameof(LineKind.Award))
                {
                    return null;
                }

                // Award lines are few (prizes and dispute adjustments), so one small lookup each is fine.
                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var contest = await db.CompAdjustments.AsNoTracking().Where(a => a.Id == id).Select(a => a.ContestId).SingleOrDefaultAsync(c.CancellationToken);
                return contest is { } k ? GlobalId.Encode(ContestGraphType.TypeName, k) : null;
            });
        Field<CalendarDateGraphType>("adjustsPeriodStart").Description("For a prior-period adjustment or clawback: first day of the period it corrects.").Resolve(c => c.Source.AdjustsFrom);
        Field<CalendarDateGraphType>("adjustsPeriodEnd").Description("For a prior-period adjustment or clawback: last day of the period it corrects.").Resolve(c => c.Source.AdjustsTo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementLineSourceGraphType>>>>("sources").Description("The credits behind the line, with their sales and the part of the basis each contributed.")
            .Resolve(c => CalculationResults.ToLine(c.Source).Sources);
    }

    /// <summary>Drops the trailing zeros the numeric column's scale adds ("0.05000000" reads "0.05").</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;
}

/// <summary>GraphQL shape of <see cref="LineSource"/>.</summary>
public sealed class StatementLineSourceGraphType : ObjectGraphType<LineSource>
{
    public StatementLineSourceGraphType()
    {
        Name = "StatementLineSource";
        Description = "A credit behind a statement line: the ledger row, its sale and its share of the line's basis.";
        Field<NonNullGraphType<IdGraphType>>("creditId").Description("Id of the credit ledger row (as `Credit.id`).").Resolve(c => c.Source.CreditId);
        Field<NonNullGraphType<IdGraphType>>("saleId").Description("Global id of the sale.").Resolve(c => GlobalId.Encode(SaleGraphType.TypeName, c.Source.SaleId));
        Field<NonNullGraphType<DecimalStringGraphType>>("basis").Description("The part of the line's basis this credit contributed, in the line's currency.").Resolve(c => StatementLineGraphType.Trim(c.Source.Basis));
    }
}

/// <summary>GraphQL shape of <see cref="ParticipantDifference"/>.</summary>
public sealed class ParticipantDifferenceGraphType : ObjectGraphType<ParticipantDifference>
{
    public ParticipantDifferenceGraphType()
    {
        Name = "ParticipantPayoutDifference";
        Description = "One participant's payout in two runs and the difference (B minus A).";
        Field<ParticipantGraphType>("participant").Description("The payee.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ParticipantId));
        Field<MoneyGraphType>("a").Description("Payout in run A; null when A has no statement for them.").Resolve(c => c.Source.A is { } a ? new MoneyValue(a, c.Source.Currency) : null);
        Field<MoneyGraphType>("b").Description("Payout in run B; null when B has no statement for them.").Resolve(c => c.Source.B is { } b ? new MoneyValue(b, c.Source.Currency) : null);
        Field<NonNullGraphType<MoneyGraphType>>("difference").Description("B minus A (a missing statement counts as zero).").Resolve(c => new MoneyValue(c.Source.Difference, c.Source.Currency));
    }
}

/// <summary>GraphQL shape of <see cref="CurrencyDifference"/>.</summary>
public sealed class CurrencyDifferenceGraphType : ObjectGraphType<CurrencyDifference>
{
    public CurrencyDifferenceGraphType()
    {
        Name = "CurrencyPayoutDifference";
        Description = "Total payout of one currency in two runs and the difference (B minus A).";
        Field<NonNullGraphType<MoneyGraphType>>("a").Description("Total in run A.").Resolve(c => new MoneyValue(c.Source.A, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("b").Description("Total in run B.").Resolve(c => new MoneyValue(c.Source.B, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("difference").Description("B minus A.").Resolve(c => new MoneyValue(c.Source.Difference, c.Source.Currency));
    }
}

/// <summary>GraphQL shape of <see cref="RunComparison"/>.</summary>
public sealed class RunComparisonGraphType : ObjectGraphType<RunComparison>
{
    public RunComparisonGraphType()
    {
        Name = "CalculationRunComparison";
        Description = "Two runs side by side: payout per participant and in total per currency, B minus A. Participants are those visible to the caller.";
        Field<NonNullGraphType<CalculationRunGraphType>>("a").Description("Run A.").Resolve(c => c.Source.A);
        Field<NonNullGraphType<CalculationRunGraphType>>("b").Description("Run B.").Resolve(c => c.Source.B);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipantDifferenceGraphType>>>>("participants").Description("Every participant of either run, by participant id.").Resolve(c => c.Source.Participants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CurrencyDifferenceGraphType>>>>("totals").Description("Totals per currency.").Resolve(c => c.Source.Totals);
    }
}

/// <summary>GraphQL shape of <see cref="Dispute"/>.</summary>
public sealed class DisputeGraphType : ObjectGraphType<Dispute>
{
    public const string TypeName = "Dispute";

    public DisputeGraphType()
    {
        Name = TypeName;
        Description = "A rep's question about a statement line or a credit, and what sales operations decided. Every change is timestamped, audited and pushed to the rep.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Dispute;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<ParticipantGraphType>("participant").Description("The rep whose earnings are questioned.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ParticipantId));
        Field<PeriodGraphType>("period").Description("The period of the statement or credit.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().PeriodById.LoadAsync(c.Source.PeriodId));
        Field<IdGraphType>("runId").Description("For a dispute on a statement line: the run (global id).").Resolve(c => c.Source.RunId is { } r ? GlobalId.Encode(CalculationRunGraphType.TypeName, r) : null);
        Field<IntGraphType>("lineNo").Description("For a dispute on a statement line: the line.").Resolve(c => c.Source.LineNo);
        Field<IdGraphType>("creditId").Description("For a dispute on a credit: the credit ledger row.").Resolve(c => c.Source.CreditId);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What the rep says is wrong.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<DisputeStatusGraphType>>("status").Description("OPEN, IN_REVIEW, RESOLVED or REJECTED.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("resolution").Description("What was decided and why (resolved or rejected).").Resolve(c => c.Source.Resolution);
        Field<MoneyGraphType>("adjustment").Description("The adjustment a resolution pays (in the open period named by `adjustmentPeriod`).")
            .ResolveAsync(async c =>
            {
                if (c.Source.AdjustmentId is not { } id)
                {
                    return null;
                }

                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var adjustment = await db.CompAdjustments.AsNoTracking().SingleAsync(a => a.Id == id, c.CancellationToken);
                return new MoneyValue(adjustment.Amount, adjustment.Currency.Trim());
            });
        Field<NonNullGraphType<DateTimeGraphType>>("openedAt").Description("When the rep opened it (UTC).").Resolve(c => c.Source.OpenedAt.UtcDateTime);
        Field<DateTimeGraphType>("reviewStartedAt").Description("When review started (UTC).").Resolve(c => c.Source.ReviewStartedAt?.UtcDateTime);
        Field<DateTimeGraphType>("closedAt").Description("When it was resolved or rejected (UTC).").Resolve(c => c.Source.ClosedAt?.UtcDateTime);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Description("Last change (UTC).").Resolve(c => c.Source.UpdatedAt.UtcDateTime);
    }
}

/// <summary>GraphQL shape of <see cref="PayoutLine"/>.</summary>
public sealed class PayoutLineGraphType : ObjectGraphType<PayoutLine>
{
    public PayoutLineGraphType()
    {
        Name = "PayoutLine";
        Description = "What one participant is paid by a payout.";
        Field<ParticipantGraphType>("participant").Description("The payee.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ParticipantId));
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("The statement's payout, in pay currency.").Resolve(c => new MoneyValue(c.Source.Amount, c.Source.Currency.Trim()));
    }
}

/// <summary>GraphQL shape of <see cref="PayoutView"/>.</summary>
public sealed class PayoutGraphType : ObjectGraphType<PayoutView>
{
    public const string TypeName = "Payout";

    public PayoutGraphType()
    {
        Name = TypeName;
        Description = "The close of a period: the run paid, its approval (the sales manager, then finance), the lock and the payroll export (GET /payouts/{id}.csv).";
        Interface<NodeInterface>();
        IsTypeOf = o => o is PayoutView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Batch.Id));
        Field<PeriodGraphType>("period").Description("The period closed.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().PeriodById.LoadAsync(c.Source.Batch.PeriodId));
        Field<NonNullGraphType<IdGraphType>>("runId").Description("Global id of the run whose statements are paid.").Resolve(c => GlobalId.Encode(CalculationRunGraphType.TypeName, c.Source.Batch.RunId));
        Field<NonNullGraphType<PayoutStatusGraphType>>("status").Description("SUBMITTED, APPROVED, REJECTED or LOCKED.").Resolve(c => c.Source.Batch.Status);
        Field<ApprovalRequestGraphType>("approval").Description("The approval request (manager, then finance).").Resolve(c => c.Source.Approval);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PayoutLineGraphType>>>>("lines").Description("One line per participant, by participant id.").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoneyGraphType>>>>("totals").Description("Total per currency.")
            .Resolve(c => c.Source.Lines.GroupBy(l => l.Currency.Trim(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new MoneyValue(g.Sum(l => l.Amount), g.Key)).ToList());
        Field<NonNullGraphType<StringGraphType>>("exportUrl").Description("Path of the payroll CSV (same authorization as this field).").Resolve(c => $"/payouts/{GlobalId.Encode(TypeName, c.Source.Batch.Id)}.csv");
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the close was submitted (UTC).").Resolve(c => c.Source.Batch.CreatedAt.UtcDateTime);
        Field<DateTimeGraphType>("approvedAt").Description("When the last approver approved (UTC).").Resolve(c => c.Source.Batch.ApprovedAt?.UtcDateTime);
        Field<DateTimeGraphType>("lockedAt").Description("When the period was locked (UTC).").Resolve(c => c.Source.Batch.LockedAt?.UtcDateTime);
    }
}

/// <summary>GraphQL shape of <see cref="CommissionExpense"/>.</summary>
public sealed class CommissionExpenseGraphType : ObjectGraphType<CommissionExpense>
{
    public CommissionExpenseGraphType()
    {
        Name = "CommissionExpense";
        Description = "Commission expense of one period in one currency: earned (latest completed run), accrued (earned but not yet paid) and paid (locked payouts).";
        Field<NonNullGraphType<PeriodGraphType>>("period").Description("The period.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<MoneyGraphType>>("earned").Description("Payout of the latest completed regular run of the period.").Resolve(c => new MoneyValue(c.Source.Earned, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("accrued").Description("Earned and not yet paid: what finance accrues.").Resolve(c => new MoneyValue(c.Source.Accrued, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("paid").Description("Paid by the period's locked payout.").Resolve(c => new MoneyValue(c.Source.Paid, c.Source.Currency));
    }
}
