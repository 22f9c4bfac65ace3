using GraphQL.Types;
using Spm.Api.Features.Compensation;
using Spm.Api.Features.Live;

namespace Spm.Api.Graph;

/// <summary>The one flat Subscription type; each feature contributes its root fields here, explicitly.</summary>
public sealed class SpmSubscription : ObjectGraphType
{
    public SpmSubscription(TimeProvider clock)
    {
        Name = "Subscription";
        Description = "Live streams over WebSocket (graphql-transport-ws on the GraphQL path). Results are limited to the caller's tenant and permissions.";
        LiveSubscriptions.Register(this, clock);
        CompensationServices.RegisterSubscriptions(this);
    }
}
