using GraphQL.Types;

namespace Spm.Api.Features.Relay;

/// <summary>
/// A Relay connection over <typeparamref name="TNodeType"/>. Subclasses only name it, so every
/// connection in the schema has the same shape and descriptions.
/// </summary>
public abstract class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    /// <summary>Largest page a client may ask for.</summary>
    public const int MaxPageSize = 100;

    protected ConnectionGraphType(string nodeName, string pluralDescription)
    {
        Name = $"{nodeName}Connection";
        Description = $"A page of {pluralDescription}.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, TNode>>>>>("edges")
            .Description("The items of this page with their cursors.")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of this page, without cursors.")
            .Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Paging information.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many items the whole list holds, across all pages.").Resolve(c => c.Source.TotalCount);
    }
}
