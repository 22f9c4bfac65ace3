using Spm.Api.Graph;
using Spm.Domain.Quotas;

namespace Spm.Api.Features.Quotas;

/// <summary>GraphQL enum of <see cref="QuotaType"/>.</summary>
public sealed class QuotaTypeGraphType() : DescribedEnumGraphType<QuotaType>(
    "QuotaType",
    "What a quota counts.",
    new Dictionary<QuotaType, string>
    {
        [QuotaType.Revenue] = "Revenue in the plan currency, to its minor unit (cents).",
        [QuotaType.DealCount] = "Number of deals won (whole numbers).",
        [QuotaType.ActivityCount] = "Number of activities logged: calls, meetings, demos (whole numbers).",
    });

/// <summary>GraphQL enum of <see cref="QuotaStatus"/>.</summary>
public sealed class QuotaStatusGraphType() : DescribedEnumGraphType<QuotaStatus>(
    "QuotaStatus",
    "Review state of a quota. Any change to an amount brings it back to DRAFT.",
    new Dictionary<QuotaStatus, string>
    {
        [QuotaStatus.Draft] = "Allocated or adjusted, not yet submitted.",
        [QuotaStatus.Submitted] = "Waiting for the manager chain to approve; cannot change meanwhile.",
        [QuotaStatus.Approved] = "Approved by every step of the chain.",
        [QuotaStatus.Rejected] = "Rejected with a comment; adjust and submit again.",
    });

/// <summary>GraphQL enum of <see cref="QuotaSubjectKind"/>.</summary>
public sealed class QuotaSubjectKindGraphType() : DescribedEnumGraphType<QuotaSubjectKind>(
    "QuotaSubjectKind",
    "Who or what carries a quota.",
    new Dictionary<QuotaSubjectKind, string>
    {
        [QuotaSubjectKind.Participant] = "A seller (or an overlay specialist).",
        [QuotaSubjectKind.Team] = "A team: the sum of everything below it.",
        [QuotaSubjectKind.Territory] = "A territory.",
    });

/// <summary>GraphQL enum of <see cref="QuotaChangeAction"/>.</summary>
public sealed class QuotaChangeActionGraphType() : DescribedEnumGraphType<QuotaChangeAction>(
    "QuotaChangeAction",
    "Why a quota's history gained a row.",
    new Dictionary<QuotaChangeAction, string>
    {
        [QuotaChangeAction.Allocated] = "Set by a top-down allocation.",
        [QuotaChangeAction.Adjusted] = "Changed by hand (bottom-up).",
        [QuotaChangeAction.RolledUp] = "A team total that moved because a quota below it was adjusted.",
        [QuotaChangeAction.Resplit] = "A year, quarter or month of the same subject that moved with an adjustment.",
        [QuotaChangeAction.Submitted] = "Submitted for approval.",
        [QuotaChangeAction.Approved] = "Approved by the last step of the chain.",
        [QuotaChangeAction.Rejected] = "Rejected by an approver.",
    });

/// <summary>GraphQL enum of <see cref="AllocationWeightBasis"/>.</summary>
public sealed class AllocationWeightBasisGraphType() : DescribedEnumGraphType<AllocationWeightBasis>(
    "AllocationWeightBasis",
    "How a top-down allocation weighs the sellers it splits a target among.",
    new Dictionary<AllocationWeightBasis, string>
    {
        [AllocationWeightBasis.Equal] = "Every seller the same (before ramp).",
        [AllocationWeightBasis.TerritoryPotential] = "By the market potential of the territories each seller owns.",
        [AllocationWeightBasis.PriorPeriodActuals] = "By each seller's credited revenue in the prior period.",
        [AllocationWeightBasis.Custom] = "By weights given in `customWeights`.",
    });
