using GraphQL.Types;
using Spm.Api.Features.Approvals;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Plans;
using Spm.Api.Graph;

namespace Spm.Api.Features.Quotas;

/// <summary>GraphQL shape of <see cref="AllocateQuotasPayload"/>.</summary>
public sealed class AllocateQuotasPayloadGraphType : ObjectGraphType<AllocateQuotasPayload>
{
    public AllocateQuotasPayloadGraphType()
    {
        Name = "AllocateQuotasPayload";
        Description = "What an allocation wrote, or why it wrote nothing.";
        Field<SalesPlanGraphType>("plan").Description("The plan allocated.").Resolve(c => c.Source.Plan);
        Field<PeriodGraphType>("period").Description("The period allocated (year, quarter or month).").Resolve(c => c.Source.Period);
        Field<DecimalStringGraphType>("total").Description("The amount allocated for the period.").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<IntGraphType>>("quotaCount").Description("Quotas the allocation covers (every team and seller, every period in scope).").Resolve(c => c.Source.QuotaCount);
        Field<NonNullGraphType<IntGraphType>>("changedCount").Description("Quotas created or changed (0 when the same allocation is run again).").Resolve(c => c.Source.ChangedCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuotaGraphType>>>>("topQuotas").Description("The top-level teams' quotas for the period; they sum to `total`.").Resolve(c => c.Source.TopQuotas);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>GraphQL shape of <see cref="AdjustQuotaPayload"/>.</summary>
public sealed class AdjustQuotaPayloadGraphType : ObjectGraphType<AdjustQuotaPayload>
{
    public AdjustQuotaPayloadGraphType()
    {
        Name = "AdjustQuotaPayload";
        Description = "The adjusted quota and everything that moved with it, or why nothing was written.";
        Field<QuotaGraphType>("quota").Description("The quota adjusted, now in DRAFT.").Resolve(c => c.Source.Quota);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuotaGraphType>>>>("changedQuotas")
            .Description("Every quota that changed: the adjusted one, its other periods (re-split or re-summed) and the teams above (rolled up).").Resolve(c => c.Source.ChangedQuotas);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>GraphQL shape of <see cref="QuotaApprovalPayload"/>.</summary>
public sealed class QuotaApprovalPayloadGraphType : ObjectGraphType<QuotaApprovalPayload>
{
    public QuotaApprovalPayloadGraphType()
    {
        Name = "QuotaApprovalPayload";
        Description = "The approval request after the step, or why nothing was written.";
        Field<ApprovalRequestGraphType>("approvalRequest").Description("The request after the step.").Resolve(c => c.Source.ApprovalRequest);
        Field<NonNullGraphType<IntGraphType>>("quotaCount").Description("Quotas the request covers.").Resolve(c => c.Source.QuotaCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
