using Microsoft.AspNetCore.Http;

namespace Spm.GraphQL.AspNetCore;

/// <summary>The request handler behind <c>MapGraphQL</c>; one per registered schema.</summary>
internal interface IGraphQLTransportEndpoint
{
    Task HandleAsync(HttpContext context);
}
