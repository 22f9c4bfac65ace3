using Spm.Api.Graph;
using Spm.Domain.Compensation;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Features.Compensation;

/// <summary>GraphQL enum of <see cref="CompPlanVersionStatus"/>.</summary>
public sealed class CompPlanVersionStatusGraphType() : DescribedEnumGraphType<CompPlanVersionStatus>(
    "CompPlanVersionStatus",
    "Whether a plan version pays.",
    new Dictionary<CompPlanVersionStatus, string>
    {
        [CompPlanVersionStatus.Draft] = "Being designed: never used by a regular run, only by what-ifs.",
        [CompPlanVersionStatus.Published] = "In force over its dates; immutable.",
    });

/// <summary>GraphQL enum of <see cref="CalculationRunStatus"/>.</summary>
public sealed class CalculationRunStatusGraphType() : DescribedEnumGraphType<CalculationRunStatus>(
    "CalculationRunStatus",
    "The life of a calculation run.",
    new Dictionary<CalculationRunStatus, string>
    {
        [CalculationRunStatus.Queued] = "Accepted, waiting for a worker.",
        [CalculationRunStatus.Running] = "Being computed; `participantsDone` moves.",
        [CalculationRunStatus.Completed] = "Results written; they never change.",
        [CalculationRunStatus.Failed] = "Stopped with `error`; no results were kept.",
    });

/// <summary>GraphQL enum of <see cref="CalculationRunKind"/>.</summary>
public sealed class CalculationRunKindGraphType() : DescribedEnumGraphType<CalculationRunKind>(
    "CalculationRunKind",
    "What a run is for.",
    new Dictionary<CalculationRunKind, string>
    {
        [CalculationRunKind.Regular] = "The published plans: statements and payouts.",
        [CalculationRunKind.WhatIf] = "A draft plan version in place of the published one: cost comparison only, never paid.",
    });

/// <summary>GraphQL enum of <see cref="LineKind"/>.</summary>
public sealed class StatementLineKindGraphType() : DescribedEnumGraphType<LineKind>(
    "StatementLineKind",
    "What a statement line pays or takes back.",
    new Dictionary<LineKind, string>
    {
        [LineKind.Commission] = "Commission on the credits of one rate table and tier.",
        [LineKind.GateNotMet] = "Zero: the component's attainment gate was not reached (shown so the rep sees why).",
        [LineKind.ComponentCap] = "The reduction bringing a commission component down to its cap (negative).",
        [LineKind.Bonus] = "A bonus for reaching an attainment threshold.",
        [LineKind.Spiff] = "A SPIFF: a product, a date window, an amount per unit or per deal.",
        [LineKind.Award] = "A contest prize or other award, or an adjustment from a resolved dispute.",
        [LineKind.Clawback] = "Minus what a sale cancelled within the clawback window earned earlier.",
        [LineKind.PeriodCap] = "The reduction to the plan's per-period cap (negative).",
        [LineKind.TotalCap] = "The reduction to the plan's fiscal-year cap (negative).",
        [LineKind.PriorPeriodAdjustment] = "A correction of a locked earlier period, paid in this one.",
        [LineKind.Draw] = "The draw paid to top earnings up to the guaranteed amount.",
        [LineKind.DrawRecovery] = "Repayment of an earlier recoverable draw out of this period's earnings (negative).",
    });

/// <summary>GraphQL enum of <see cref="DisputeStatus"/>.</summary>
public sealed class DisputeStatusGraphType() : DescribedEnumGraphType<DisputeStatus>(
    "DisputeStatus",
    "Where a dispute stands: OPEN, IN_REVIEW, then RESOLVED or REJECTED (final).",
    new Dictionary<DisputeStatus, string>
    {
        [DisputeStatus.Open] = "Raised by the rep; nobody has picked it up yet.",
        [DisputeStatus.InReview] = "Sales operations is investigating.",
        [DisputeStatus.Resolved] = "Accepted, usually with an adjustment paid in an open period.",
        [DisputeStatus.Rejected] = "Refused, with the reason.",
    });

/// <summary>GraphQL enum of <see cref="PayoutStatus"/>.</summary>
public sealed class PayoutStatusGraphType() : DescribedEnumGraphType<PayoutStatus>(
    "PayoutStatus",
    "A period close: SUBMITTED (manager, then finance) → APPROVED → LOCKED; REJECTED ends it.",
    new Dictionary<PayoutStatus, string>
    {
        [PayoutStatus.Draft] = "Built from a run, not yet submitted.",
        [PayoutStatus.Submitted] = "Waiting for the manager, then finance.",
        [PayoutStatus.Approved] = "Approved by both; ready to lock.",
        [PayoutStatus.Rejected] = "Rejected at a step; close the period again from a new run.",
        [PayoutStatus.Locked] = "Handed to payroll: the period is locked, later changes arrive as adjustments in the next open period.",
    });
