using GraphQL.Types;
using Spm.Api.Features.Access;
using Spm.Api.Features.Accounts;
using Spm.Api.Features.Activities;
using Spm.Api.Features.Approvals;
using Spm.Api.Features.Attainment;
using Spm.Api.Features.Compensation;
using Spm.Api.Features.Contests;
using Spm.Api.Features.Leaderboards;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.PersistedDocuments;
using Spm.Api.Features.Pipeline;
using Spm.Api.Features.Plans;
using Spm.Api.Features.Quotas;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Api.Features.Territories;

namespace Spm.Api.Graph;

/// <summary>The one flat Query type; each feature contributes its root fields here, explicitly.</summary>
public sealed class SpmQuery : ObjectGraphType
{
    public SpmQuery(NodeRegistry nodes)
    {
        Name = "Query";
        Description = "Everything a caller can read. Results are always limited to the caller's tenant and permissions.";
        NodeQueries.Register(this, nodes);
        OrganisationQueries.Register(this, nodes);
        AccessQueries.Register(this, nodes);
        PersistedDocumentQueries.Register(this);
        PlanQueries.Register(this, nodes);
        QuotaQueries.Register(this, nodes);
        ApprovalQueries.Register(this, nodes);
        AccountQueries.Register(this, nodes);
        TerritoryQueries.Register(this, nodes);
        SalesQueries.Register(this, nodes);
        AttainmentQueries.Register(this);
        ActivityQueries.Register(this);
        OpportunityQueries.Register(this);
        CreditingConfiguration.RegisterQueries(this);
        ContestQueries.Register(this);
        LeaderboardQueries.Register(this);
        CompensationServices.RegisterQueries(this, nodes);
    }
}
