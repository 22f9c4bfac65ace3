using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;
using Spm.GraphQL.AspNetCore.WebSockets;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class WebSocketTests
{
    [Fact]
    public async Task Connection_init_is_acknowledged_on_the_graphql_transport_ws_subprotocol()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        Assert.Equal("graphql-transport-ws", ws.SubProtocol);
    }

    [Fact]
    public async Task Ping_is_answered_with_pong()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Server_keeps_the_connection_alive_with_pings()
    {
        await using var host = await TestHost.StartAsync(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(50));
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        Assert.Equal("ping", (await ws.ReceiveAsync()).GetProperty("type").GetString());
        await ws.SendAsync("""{"type":"pong"}""");
        Assert.Equal("ping", (await ws.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Query_over_the_socket_sends_one_next_then_complete()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("q1", "{ hello }");
        var next = await ws.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("q1", next.GetProperty("id").GetString());
        Assert.Equal("world", next.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        var complete = await ws.ReceiveAsync();
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal("q1", complete.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Mutation_over_the_socket_sends_next_then_complete()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("m1", "mutation { increment }");
        var next = await ws.ReceiveAsync();
        Assert.True(next.GetProperty("payload").GetProperty("data").GetProperty("increment").GetInt32() > 0);
        Assert.Equal("complete", (await ws.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invalid_operation_gets_an_error_and_no_complete()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("bad", "{ nope }");
        var error = await ws.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

        // The next message is the answer to this ping: no complete was sent for "bad".
        await ws.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("type").GetString());

        // The id is free again after an error.
        await ws.SubscribeAsync("bad", "{ hello }");
        Assert.Equal("next", (await ws.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Authorization_applies_to_socket_operations()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server, user: "bob");
        await ws.SubscribeAsync("s", "{ secret }");
        var error = await ws.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("ACCESS_DENIED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Subscription_streams_events_and_client_complete_unsubscribes_the_source()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("sub", "subscription { events }");
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 1, "the subscription reached the source");

        host.Events.Push("first");
        var next = await ws.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("sub", next.GetProperty("id").GetString());
        Assert.Equal("first", next.GetProperty("payload").GetProperty("data").GetProperty("events").GetString());

        await ws.SendAsync("""{"type":"complete","id":"sub"}""");
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 0, "client complete disposed the subscription");
        Assert.Equal(1, host.Events.Unsubscribed);

        // The connection stays usable.
        await ws.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await ws.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Execution_timeout_does_not_end_a_long_lived_subscription()
    {
        await using var host = await TestHost.StartAsync(o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(100));
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("sub", "subscription { events }");
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 1, "the subscription reached the source");
        await Task.Delay(500);
        host.Events.Push("late");
        var next = await ws.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("late", next.GetProperty("payload").GetProperty("data").GetProperty("events").GetString());
    }

    [Fact]
    public async Task Source_completion_sends_complete()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("sub", "subscription { events }");
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 1, "the subscription reached the source");
        host.Events.Push("only");
        Assert.Equal("next", (await ws.ReceiveAsync()).GetProperty("type").GetString());
        host.Events.Complete();
        var complete = await ws.ReceiveAsync();
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal("sub", complete.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Closing_the_socket_disposes_every_subscription()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("a", "subscription { events }");
        await ws.SubscribeAsync("b", "subscription { events }");
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 2, "both subscriptions reached the source");
        await ws.CloseAsync();
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 0, "closing disposed both subscriptions");
        Assert.Equal(2, host.Events.Unsubscribed);
    }

    [Fact]
    public async Task Duplicate_active_id_closes_4409()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("dup", "subscription { events }");
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 1, "the subscription reached the source");
        await ws.SubscribeAsync("dup", "subscription { events }");
        var (code, reason) = await ws.ReceiveCloseAsync();
        Assert.Equal(4409, code);
        Assert.Equal("Subscriber for dup already exists", reason);
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 0, "the close disposed the first subscription");
    }

    [Fact]
    public async Task Subscribe_before_ack_closes_4401()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAsync(host.Server);
        await ws.SubscribeAsync("early", "{ hello }");
        Assert.Equal(4401, (await ws.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Second_connection_init_closes_4429()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SendAsync("""{"type":"connection_init"}""");
        var (code, reason) = await ws.ReceiveCloseAsync();
        Assert.Equal(4429, code);
        Assert.Equal("Too many initialisation requests", reason);
    }

    [Fact]
    public async Task Missing_connection_init_closes_4408()
    {
        await using var host = await TestHost.StartAsync(o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(50));
        await using var ws = await WsClient.ConnectAsync(host.Server);
        Assert.Equal(4408, (await ws.ReceiveCloseAsync()).Code);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"id":"x"}""")]
    [InlineData("""{"type":"teleport"}""")]
    [InlineData("""{"type":"next","id":"x","payload":{}}""")]
    [InlineData("""{"type":"subscribe","id":"x"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"x","payload":{"query":42}}""")]
    public async Task Invalid_messages_close_4400(string message)
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SendAsync(message);
        Assert.Equal(4400, (await ws.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Refused_authentication_closes_4403_and_accepted_token_sets_the_user()
    {
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton<IWebSocketAuthenticator, TokenAuthenticator>());
        await using (var refused = await WsClient.ConnectAsync(host.Server))
        {
            await refused.SendAsync("""{"type":"connection_init","payload":{"token":"bad"}}""");
            var (code, reason) = await refused.ReceiveCloseAsync();
            Assert.Equal(4403, code);
            Assert.Equal("Forbidden", reason);
        }

        await using var accepted = await WsClient.ConnectAsync(host.Server);
        await accepted.SendAsync("""{"type":"connection_init","payload":{"token":"good"}}""");
        Assert.Equal("connection_ack", (await accepted.ReceiveAsync()).GetProperty("type").GetString());
        await accepted.SubscribeAsync("s", "{ secret }");
        var next = await accepted.ReceiveAsync();
        Assert.Equal("classified", next.GetProperty("payload").GetProperty("data").GetProperty("secret").GetString());
    }

    [Fact]
    public async Task Required_authentication_closes_anonymous_sockets_4403()
    {
        await using var host = await TestHost.StartAsync(o => o.RequireAuthentication = true);
        await using var ws = await WsClient.ConnectAsync(host.Server);
        await ws.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal(4403, (await ws.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Other_subprotocol_closes_4406()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAsync(host.Server, protocol: "graphql-ws");
        Assert.Equal(4406, (await ws.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Slow_consumer_is_closed_1013_when_the_send_queue_is_full()
    {
        var holdSends = false;
        var release = new TaskCompletionSource();
        await using var host = await TestHost.StartAsync(o =>
        {
            o.SendQueueCapacity = 2;
            o.BeforeWebSocketSend = ct => Volatile.Read(ref holdSends) ? release.Task.WaitAsync(ct) : Task.CompletedTask;
        });
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("sub", "subscription { events }");
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 1, "the subscription reached the source");

        // The writer now holds at most one message; two more fill the queue and the rest overflow.
        Volatile.Write(ref holdSends, true);
        for (var i = 0; i < 10; i++)
        {
            host.Events.Push("e" + i);
        }

        var (code, reason) = await ws.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseCodes.SlowConsumer, code);
        Assert.Equal("Slow consumer: send queue full", reason);
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 0, "the close disposed the subscription");
    }

    [Fact]
    public async Task Host_stopping_closes_sockets_1001()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);
        await ws.SubscribeAsync("sub", "subscription { events }");
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 1, "the subscription reached the source");
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var (code, reason) = await ws.ReceiveCloseAsync();
        Assert.Equal(1001, code);
        Assert.Equal("Server shutting down", reason);
        await Eventually.HoldsAsync(() => host.Events.SubscriberCount == 0, "shutdown disposed the subscription");
    }
}
