using Spm.Domain.Approvals;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Features.Compensation;

/// <summary>A plan with its versions, newest first.</summary>
public sealed record CompPlanView(StoredCompPlan Plan, IReadOnlyList<StoredCompPlanVersion> Versions);

/// <summary>One participant's statement of one run.</summary>
public sealed record StatementView(CalculationRun Run, Period Period, CalculationResult Result, IReadOnlyList<CalculationLine> Lines);

/// <summary>One participant in a comparison of two runs (null where a run has no statement for them).</summary>
public sealed record ParticipantDifference(Guid ParticipantId, string Currency, decimal? A, decimal? B)
{
    public decimal Difference => (B ?? 0m) - (A ?? 0m);
}

/// <summary>The total of one currency in a comparison.</summary>
public sealed record CurrencyDifference(string Currency, decimal A, decimal B)
{
    public decimal Difference => B - A;
}

/// <summary>Two runs side by side: payouts per participant and in total, B minus A.</summary>
public sealed record RunComparison(CalculationRun A, CalculationRun B, IReadOnlyList<ParticipantDifference> Participants, IReadOnlyList<CurrencyDifference> Totals);

/// <summary>A payout batch with its lines and approval request.</summary>
public sealed record PayoutView(PayoutBatch Batch, IReadOnlyList<PayoutLine> Lines, ApprovalRecord? Approval);

/// <summary>Commission expense of one period and currency.</summary>
public sealed record CommissionExpense(Period Period, string Currency, decimal Earned, decimal Accrued, decimal Paid);
