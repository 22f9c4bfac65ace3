using GraphQL.Types;

namespace Spm.Api.Features.Quotas;

/// <summary>One custom allocation weight.</summary>
public sealed class CustomWeightInputGraphType : InputObjectGraphType
{
    public CustomWeightInputGraphType()
    {
        Name = "CustomWeightInput";
        Description = "The weight of one seller in a CUSTOM allocation; sellers left out weigh zero.";
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of a quota-carrying participant.");
        Field<NonNullGraphType<StringGraphType>>("weight").Description("A non-negative decimal as a string, relative to the other weights (\"2\" is twice \"1\").");
    }
}

/// <summary>Input of `allocateQuotas`.</summary>
public sealed class AllocateQuotasInputGraphType : InputObjectGraphType
{
    public AllocateQuotasInputGraphType()
    {
        Name = "AllocateQuotasInput";
        Description = "A top-down allocation of a plan's target through the team hierarchy to the sellers, with quarter and month splits by seasonality and ramp for new hires.";
        Field<NonNullGraphType<IdGraphType>>("planId").Description("Global id of the sales plan whose target is allocated.");
        Field<IdGraphType>("periodId").Description("The period to allocate: the plan's year (the default), one of its quarters or months.");
        Field<IntGraphType>("fiscalYear").Description("Alternative to `periodId`: the whole fiscal year; must be the plan's.");
        Field<QuotaTypeGraphType>("type").Description("Quota type; REVENUE when omitted.");
        Field<StringGraphType>("target").Description("Total to allocate for the period, a decimal string; defaults to the plan's target for the period (required for count types).");
        Field<AllocationWeightBasisGraphType>("weightBasis").Description("How sellers are weighed; EQUAL when omitted.");
        Field<ListGraphType<NonNullGraphType<CustomWeightInputGraphType>>>("customWeights").Description("Seller weights for CUSTOM (and only for it).");
        Field<StringGraphType>("overlayShare").Description("Share of their team's quota an overlay specialist carries, a decimal string (\"1\" = 100 %, the default).");
        Field<StringGraphType>("reason").Description("Why, recorded in each quota's history.");
    }
}

/// <summary>Input of `adjustQuota`.</summary>
public sealed class AdjustQuotaInputGraphType : InputObjectGraphType
{
    public AdjustQuotaInputGraphType()
    {
        Name = "AdjustQuotaInput";
        Description = "A bottom-up change of one seller's (or territory's) quota.";
        Field<NonNullGraphType<IdGraphType>>("quotaId").Description("Global id of the quota to change (not a team quota: teams follow their members).");
        Field<NonNullGraphType<StringGraphType>>("amount").Description("The new amount, a non-negative decimal string in the quota's unit (cents for revenue, whole numbers for counts).");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, recorded in the history.");
    }
}

/// <summary>Input of `submitQuotas`.</summary>
public sealed class SubmitQuotasInputGraphType : InputObjectGraphType
{
    public SubmitQuotasInputGraphType()
    {
        Name = "SubmitQuotasInput";
        Description = "Submits a team's (or a seller's) quota and everything below it in that period for approval up the manager chain.";
        Field<NonNullGraphType<IdGraphType>>("quotaId").Description("Global id of the team or participant quota to submit; its sub-teams, members and sub-periods go with it.");
    }
}

/// <summary>Input of `approveQuotas` and `rejectQuotas`.</summary>
public sealed class DecideQuotasInputGraphType : InputObjectGraphType
{
    public DecideQuotasInputGraphType()
    {
        Name = "DecideQuotasInput";
        Description = "A decision on the current step of a quota approval request.";
        Field<NonNullGraphType<IdGraphType>>("approvalRequestId").Description("Global id of the approval request.");
        Field<StringGraphType>("comment").Description("Optional when approving; required when rejecting (what to change).");
    }
}
