using GraphQL.Types;

namespace Spm.Api.Graph;

/// <summary>The Spm GraphQL schema.</summary>
public sealed class SpmSchema : Schema
{
    public SpmSchema(IServiceProvider services, SpmQuery query, SpmSubscription subscription)
        : base(services)
    {
        Query = query;
        Subscription = subscription;
        Description = "Spm: sales performance management. Plans, territories, quotas, crediting, compensation and live leaderboards.";
    }
}
