using GraphQL;
using GraphQL.Types;
using Spm.Api.Auth;

namespace Spm.Api.Features.Relay;

/// <summary>Root fields `node` and `nodes`.</summary>
public static class NodeQueries
{
    public const int MaxNodes = 100;

    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NodeInterface>("node")
            .Requires(Capability.Self)
            .Description("Fetches any object by its global id; null when it does not exist or is not visible to the caller.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id from any `id` field.")
            .Resolve(c => nodes.Load(c.RequestServices!, c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Requires(Capability.Self)
            .Description($"Fetches up to {MaxNodes} objects by global id, in the order given; null entries for ids that do not resolve.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global ids.")
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > MaxNodes)
                {
                    throw new ExecutionError($"At most {MaxNodes} ids per call; {ids.Count} were given.") { Code = "INVALID_ARGUMENT" };
                }

                var pending = ids.Select(id => nodes.Load(c.RequestServices!, id)).ToList();
                var results = new List<object?>(pending.Count);
                foreach (var result in pending)
                {
                    results.Add(result is null ? null : await result.GetResultAsync(c.CancellationToken));
                }

                return results;
            });
    }
}
