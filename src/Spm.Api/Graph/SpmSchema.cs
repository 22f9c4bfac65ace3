using GraphQL.Types;

namespace Spm.Api.Graph;

/// <summary>The Spm GraphQL schema.</summary>
public sealed class SpmSchema : Schema
{
    public SpmSchema(IServiceProvider services, SpmQuery query, SpmMutation mutation, SpmSubscription subscription)
        : base(services)
    {
        Query = query;
        // A type without fields is invalid GraphQL: the root appears once a feature adds a mutation.
        Mutation = mutation.Fields.Count > 0 ? mutation : null;
        Subscription = subscription;
        Description = "Spm: sales performance management. Plans, territories, quotas, crediting, compensation and live leaderboards.";
    }
}
