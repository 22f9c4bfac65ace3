using GraphQL.Types;
using Spm.Api.Features.Access;
using Spm.Api.Features.Accounts;
using Spm.Api.Features.Activities;
using Spm.Api.Features.Compensation;
using Spm.Api.Features.Contests;
using Spm.Api.Features.Leaderboards;
using Spm.Api.Features.PersistedDocuments;
using Spm.Api.Features.Pipeline;
using Spm.Api.Features.Plans;
using Spm.Api.Features.Quotas;
using Spm.Api.Features.Sales;
using Spm.Api.Features.Territories;

namespace Spm.Api.Graph;

/// <summary>
/// The one flat Mutation type; each feature contributes its mutations here, explicitly. Every
/// mutation requires a capability, records an audit entry and returns `errors: [UserError!]!`.
/// </summary>
public sealed class SpmMutation : ObjectGraphType
{
    public SpmMutation()
    {
        Name = "Mutation";
        Description = "Everything a caller can change. Each mutation is all-or-nothing and audited.";
        AccessMutations.Register(this);
        PersistedDocumentMutations.Register(this);
        PlanMutations.Register(this);
        QuotaMutations.Register(this);
        AccountMutations.Register(this);
        TerritoryMutations.Register(this);
        RebalanceMutations.Register(this);
        SalesMutations.Register(this);
        CreditingConfiguration.RegisterMutations(this);
        ActivityMutations.Register(this);
        OpportunityMutations.Register(this);
        ContestMutations.Register(this);
        LeaderboardMutations.Register(this);
        CompensationServices.RegisterMutations(this);
    }
}
