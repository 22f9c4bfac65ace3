using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Spm.GraphQL.AspNetCore;

/// <summary>Endpoint mapping of the GraphQL transport.</summary>
public static class GraphQLTransportEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GraphQL over HTTP (GET, POST) and graphql-transport-ws on one path. WebSockets need
    /// <c>app.UseWebSockets()</c> before routing.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetService<IGraphQLTransportEndpoint>()
            ?? throw new InvalidOperationException("Call services.AddGraphQLTransport<TSchema>() first.");
        return endpoints.Map(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("GraphQL " + pattern);
    }
}
