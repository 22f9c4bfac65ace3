using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Spm.Api.Tests.Infrastructure;

/// <summary>A raw graphql-transport-ws connection to the in-process API, message by message.</summary>
public sealed class GraphQLWebSocket : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly WebSocket _socket;
    private readonly IAsyncDisposable? _owned;

    private GraphQLWebSocket(WebSocket socket, IAsyncDisposable? owned)
    {
        _socket = socket;
        _owned = owned;
    }

    /// <summary>Connects and sends connection_init with <paramref name="payload"/>; <paramref name="owned"/> is disposed with the socket.</summary>
    public static async Task<GraphQLWebSocket> ConnectAsync(
        WebApplicationFactory<Program> app,
        JsonObject payload,
        IReadOnlyDictionary<string, string>? headers = null,
        IAsyncDisposable? owned = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        client.ConfigureRequest = r =>
        {
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                r.Headers[name] = value;
            }
        };
        var socket = await client.ConnectAsync(new Uri(app.Server.BaseAddress, "graphql"), CancellationToken.None);
        var connection = new GraphQLWebSocket(socket, owned);
        await connection.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = payload });
        return connection;
    }

    public Task SendAsync(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
    }

    public Task SubscribeAsync(string id, string query) =>
        SendAsync(new JsonObject { ["id"] = id, ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = query } });

    public async Task<JsonNode> ReceiveAsync()
    {
        var (type, text) = await ReadAsync();
        Assert.Equal(WebSocketMessageType.Text, type);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Waits for the server's close frame and returns its code.</summary>
    public async Task<int> ReceiveCloseAsync()
    {
        var (type, text) = await ReadAsync();
        Assert.True(type == WebSocketMessageType.Close, "expected a close, got " + text);
        return (int)_socket.CloseStatus!.Value;
    }

    private async Task<(WebSocketMessageType Type, string Text)> ReadAsync()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancel.Token);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (result.MessageType, Encoding.UTF8.GetString(text.ToArray()));
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
