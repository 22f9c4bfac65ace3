using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

/// <summary>
/// How a denied field and an unexpected exception reach the client: the README promises that a
/// denial refuses the whole request (nothing executes, the error names the field's path) and that
/// exception details stay on the server unless <c>ExposeExceptionDetails</c> is set.
/// </summary>
public sealed class RefusalTests
{
    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.Forbidden)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task A_denied_field_refuses_the_whole_request_with_access_denied_at_its_path(string accept, HttpStatusCode status)
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.PostAsync(new { query = "{ hello n: node { level secret } }" }, accept, user: "bob");

        Assert.Equal(status, response.Status);
        // Nothing ran: a validation refusal has no data entry at all, not even the allowed fields.
        Assert.False(response.Json.TryGetProperty("data", out _), response.Body);
        var error = Assert.Single(response.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal("ACCESS_DENIED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["n", "secret"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(0, response.Json.GetProperty("extensions").GetProperty("cost").GetProperty("actualQueryCost").GetDouble());
    }

    [Fact]
    public async Task A_denied_field_over_the_socket_is_an_error_message_and_no_next()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server, user: "bob");

        await ws.SubscribeAsync("d", "{ hello secret }");

        var error = await ws.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        var payload = Assert.Single(error.GetProperty("payload").EnumerateArray());
        Assert.Equal("ACCESS_DENIED", payload.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("secret", payload.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task An_exception_never_shows_its_message_type_or_stack_by_default()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.PostAsync(new { query = "{ boom }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("INVALID_OPERATION", response.FirstErrorCode);
        Assert.DoesNotContain("secret internal detail", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("stack", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_over_the_socket_never_shows_its_details_by_default()
    {
        await using var host = await TestHost.StartAsync();
        await using var ws = await WsClient.ConnectAndInitAsync(host.Server);

        await ws.SubscribeAsync("b", "{ boom }");

        var next = await ws.ReceiveAsync();
        var text = next.GetRawText();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("INVALID_OPERATION", next.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_over_the_socket_see_the_authenticated_user_through_the_http_context()
    {
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton<WebSockets.IWebSocketAuthenticator, TokenAuthenticator>());
        await using var ws = await WsClient.ConnectAsync(host.Server);
        await ws.SendAsync("""{"type":"connection_init","payload":{"token":"good"}}""");
        Assert.Equal("connection_ack", (await ws.ReceiveAsync()).GetProperty("type").GetString());

        await ws.SubscribeAsync("u", "{ contextUser }");

        // The upgrade request was anonymous; the token in connection_init made it "socket-user".
        var next = await ws.ReceiveAsync();
        Assert.Equal("socket-user", next.GetProperty("payload").GetProperty("data").GetProperty("contextUser").GetString());
    }
}
