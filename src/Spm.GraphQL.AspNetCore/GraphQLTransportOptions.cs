namespace Spm.GraphQL.AspNetCore;

/// <summary>Limits and switches of the GraphQL transport.</summary>
public sealed class GraphQLTransportOptions
{
    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
