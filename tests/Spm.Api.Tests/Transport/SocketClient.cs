using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Spm.Api.Tests.Transport;

/// <summary>A graphql-transport-ws client over the in-process test server; every wait is bounded.</summary>
public sealed class SocketClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly WebSocket socket;

    private SocketClient(WebSocket socket) => this.socket = socket;

    public static async Task<SocketClient> ConnectAsync(TestServer server, string? authorizationHeader = null)
    {
        var client = server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        if (authorizationHeader is not null)
        {
            client.ConfigureRequest = r => r.Headers.Authorization = authorizationHeader;
        }

        // The first handshake of a fresh app warms it up (about 14 s on a 2-core machine at load 50, with the live hub
        // and its backplane in the app): bounded, but not by the per-message patience.
        using var timeout = new CancellationTokenSource(Patience * 4);
        return new SocketClient(await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), timeout.Token));
    }

    public async Task SendAsync(object message)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, timeout.Token);
    }

    public Task InitAsync(object? payload) => SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });

    public Task SubscribeAsync(string id, string query) => SendAsync(new { type = "subscribe", id, payload = new { query } });

    /// <summary>The next message, or the close code and reason when the server closed instead.</summary>
    public async Task<(JsonElement? Message, int? CloseCode, string? Reason)> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var stream = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
                }

                return (null, (int?)result.CloseStatus, result.CloseStatusDescription);
            }

            stream.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (JsonDocument.Parse(stream.ToArray()).RootElement.Clone(), null, null);
            }
        }
    }

    public async Task<JsonElement> ReceiveMessageAsync()
    {
        var (message, code, reason) = await ReceiveAsync();
        Assert.True(message.HasValue, $"Expected a message but the socket closed with {code} '{reason}'.");
        return message!.Value;
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
