using Spm.Api.Graph;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Features.Compensation;

/// <summary>Result of createCompPlan, createCompPlanVersion and publishCompPlanVersion.</summary>
public sealed record CompPlanPayload(CompPlanView? Plan, StoredCompPlanVersion? Version, IReadOnlyList<UserError> Errors);

/// <summary>Result of assignCompPlan.</summary>
public sealed record AssignCompPlanPayload(StoredCompPlanAssignment? Assignment, IReadOnlyList<UserError> Errors);

/// <summary>Result of startCalculationRun and startWhatIfRun.</summary>
public sealed record CalculationRunPayload(CalculationRun? Run, IReadOnlyList<UserError> Errors);

/// <summary>Result of the dispute mutations.</summary>
public sealed record DisputePayload(Dispute? Dispute, IReadOnlyList<UserError> Errors);

/// <summary>Result of the payout mutations.</summary>
public sealed record PayoutPayload(PayoutView? Payout, IReadOnlyList<UserError> Errors);
