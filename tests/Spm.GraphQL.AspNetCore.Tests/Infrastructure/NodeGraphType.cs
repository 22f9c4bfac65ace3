using GraphQL;
using GraphQL.Types;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

public sealed class NodeGraphType : ObjectGraphType<int>
{
    public NodeGraphType()
    {
        Name = "Node";
        Field<IntGraphType>("level").Resolve(ctx => ctx.Source);
        Field<NodeGraphType>("child").Resolve(ctx => ctx.Source + 1);
        Field<StringGraphType>("secret").AuthorizeWithPolicy("Secret").Resolve(_ => "nested classified");
    }
}
