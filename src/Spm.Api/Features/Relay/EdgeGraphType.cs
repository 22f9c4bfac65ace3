using GraphQL.Types;

namespace Spm.Api.Features.Relay;

/// <summary>An edge of a connection; named after its node type.</summary>
public sealed class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        var nodeName = typeof(TNodeType).Name.Replace("GraphType", string.Empty, StringComparison.Ordinal);
        Name = $"{nodeName}Edge";
        Description = $"A {nodeName} with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque position of this item: pass as `after`.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item.").Resolve(c => c.Source.Node);
    }
}
