namespace Spm.Api.Features.Relay;

/// <summary>One page of a Relay connection.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount);
