using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>A graphql-transport-ws test client; every wait is bounded by a generous timeout.</summary>
public sealed class WsClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly WebSocket _socket;

    private WsClient(WebSocket socket) => _socket = socket;

    public static async Task<WsClient> ConnectAsync(TestServer server, string? user = null, string protocol = "graphql-transport-ws")
    {
        var client = server.CreateWebSocketClient();
        client.SubProtocols.Add(protocol);
        if (user is not null)
        {
            client.ConfigureRequest = r => r.Headers["X-Test-User"] = user;
        }

        using var timeout = new CancellationTokenSource(Patience);
        var socket = await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), timeout.Token);
        return new WsClient(socket);
    }

    public static async Task<WsClient> ConnectAndInitAsync(TestServer server, string? user = null)
    {
        var client = await ConnectAsync(server, user);
        await client.SendAsync("""{"type":"connection_init"}""");
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
        return client;
    }

    public string? SubProtocol => _socket.SubProtocol;

    public async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
    }

    public Task SubscribeAsync(string id, string query, string? variablesJson = null)
    {
        var variables = variablesJson is null ? string.Empty : ",\"variables\":" + variablesJson;
        return SendAsync("{\"type\":\"subscribe\",\"id\":\"" + id + "\",\"payload\":{\"query\":" + JsonSerializer.Serialize(query) + variables + "}}");
    }

    /// <summary>The next text message; fails the test when the socket closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (message, status, description) = await ReceiveAnyAsync();
        Assert.True(message.HasValue, $"Expected a message but the socket closed with {status} '{description}'.");
        return message!.Value;
    }

    /// <summary>Reads until the server closes; returns the close code. Messages before it are skipped.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        while (true)
        {
            var (message, status, description) = await ReceiveAnyAsync();
            if (!message.HasValue)
            {
                return ((int)status!, description);
            }
        }
    }

    private async Task<(JsonElement? Message, WebSocketCloseStatus? Status, string? Description)> ReceiveAnyAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var stream = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
                }

                return (null, result.CloseStatus, result.CloseStatusDescription);
            }

            stream.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (JsonDocument.Parse(stream.ToArray()).RootElement.Clone(), null, null);
            }
        }
    }

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
