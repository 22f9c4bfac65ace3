using System.Net.WebSockets;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spm.GraphQL.AspNetCore.Execution;

namespace Spm.GraphQL.AspNetCore.WebSockets;

/// <summary>Accepts graphql-transport-ws upgrades and runs one connection per socket.</summary>
internal sealed class GraphQLWebSocketHandler<TSchema>(
    GraphQLRequestPipeline<TSchema> pipeline,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLTransportOptions> options,
    IWebSocketAuthenticator authenticator,
    IHostApplicationLifetime lifetime,
    IServiceScopeFactory scopeFactory,
    ILogger<GraphQLWebSocketHandler<TSchema>> logger)
    where TSchema : ISchema
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            // As graphql-ws does: accept, then say why in the close frame, which clients surface.
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            await refused.CloseOutputAsync((WebSocketCloseStatus)WebSocketCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", context.RequestAborted);
            await AwaitPeerCloseAsync(refused, context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
        using var connection = new GraphQLWebSocketConnection<TSchema>(
            socket, context, pipeline, serializer, options.Value, authenticator, scopeFactory, logger);
        await connection.RunAsync(lifetime.ApplicationStopping);
    }

    /// <summary>Completes the close handshake, bounded so a silent peer cannot hold the request.</summary>
    private static async Task AwaitPeerCloseAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var buffer = new byte[256];
        try
        {
            while ((await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The peer left without answering; nothing more to do.
        }
    }
}
