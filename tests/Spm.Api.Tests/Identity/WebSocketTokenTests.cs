using System.Text.Json.Nodes;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Identity;

/// <summary>WebSocket clients authenticate with a real access token in connection_init.</summary>
public sealed class WebSocketTokenTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Theory]
    [InlineData("authorization")]
    [InlineData("token")]
    public async Task A_token_in_connection_init_acts_as_its_client_and_tenant(string key)
    {
        var token = await TokenClient.GetAccessTokenAsync(fixture.Factory.CreateClient(), IdentityFixture.ClientA, fixture.SecretA);
        await using var socket = await GraphQLWebSocket.ConnectAsync(fixture.Factory, new JsonObject { [key] = key == "token" ? token : "Bearer " + token });

        Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        await socket.SubscribeAsync("q", "{ tenant { slug } }");
        var next = await socket.ReceiveAsync();

        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.Equal("tenant-a", next["payload"]!["data"]!["tenant"]!["slug"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic abc")]
    public async Task A_bad_token_is_closed_with_4403(string authorization)
    {
        await using var socket = await GraphQLWebSocket.ConnectAsync(fixture.Factory, new JsonObject { ["authorization"] = authorization });

        Assert.Equal(4403, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task No_token_at_all_is_closed_with_4403()
    {
        await using var socket = await GraphQLWebSocket.ConnectAsync(fixture.Factory, []);

        Assert.Equal(4403, await socket.ReceiveCloseAsync());
    }
}
