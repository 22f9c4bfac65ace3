using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Spm.GraphQL.AspNetCore.Http;
using Spm.GraphQL.AspNetCore.WebSockets;

namespace Spm.GraphQL.AspNetCore;

/// <summary>Sends WebSocket upgrades to graphql-transport-ws and everything else to GraphQL over HTTP.</summary>
internal sealed class GraphQLTransportEndpoint<TSchema>(GraphQLHttpHandler<TSchema> http, GraphQLWebSocketHandler<TSchema> webSockets)
    : IGraphQLTransportEndpoint
    where TSchema : ISchema
{
    public Task HandleAsync(HttpContext context)
        => context.WebSockets.IsWebSocketRequest ? webSockets.HandleAsync(context) : http.HandleAsync(context);
}
