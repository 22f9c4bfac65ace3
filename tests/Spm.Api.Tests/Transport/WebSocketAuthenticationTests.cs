namespace Spm.Api.Tests.Transport;

/// <summary>graphql-transport-ws with real access tokens, as graphql-ws clients send them.</summary>
public sealed class WebSocketAuthenticationTests(TransportFixture fixture) : IClassFixture<TransportFixture>
{
    private const string Query = "{ tenant { slug } participants(first: 10) { nodes { name } } }";

    private async Task<SocketClient> ConnectAsync(object? payload, string? header = null)
    {
        _ = fixture.Http; // the in-process server exists once a client was created
        var socket = await SocketClient.ConnectAsync(fixture.Factory.Server, header);
        await socket.InitAsync(payload);
        return socket;
    }

    private static async Task<System.Text.Json.JsonElement> RunAsync(SocketClient socket, string id)
    {
        await socket.SubscribeAsync(id, Query);
        var next = await socket.ReceiveMessageAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.False(next.GetProperty("payload").TryGetProperty("errors", out _), next.GetRawText());
        Assert.Equal("complete", (await socket.ReceiveMessageAsync()).GetProperty("type").GetString());
        return next.GetProperty("payload").GetProperty("data");
    }

    private static string[] Names(System.Text.Json.JsonElement data) =>
        [.. data.GetProperty("participants").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!)];

    [Fact]
    public async Task A_bearer_token_in_connection_init_acts_for_its_tenant()
    {
        var token = await fixture.TokenAsync(TransportFixture.PartnerA);
        await using var socket = await ConnectAsync(new { authorization = "Bearer " + token });
        Assert.Equal("connection_ack", (await socket.ReceiveMessageAsync()).GetProperty("type").GetString());

        var data = await RunAsync(socket, "1");

        Assert.Equal("tenant-a", data.GetProperty("tenant").GetProperty("slug").GetString());
        Assert.Equal(["Ann A", "Ben A", "Cat A"], Names(data));
    }

    [Fact]
    public async Task A_token_field_and_an_authorization_header_on_the_upgrade_are_accepted_too()
    {
        var token = await fixture.TokenAsync(TransportFixture.PartnerB);
        await using (var byField = await ConnectAsync(new { token }))
        {
            Assert.Equal("connection_ack", (await byField.ReceiveMessageAsync()).GetProperty("type").GetString());
            Assert.Equal("tenant-b", (await RunAsync(byField, "f")).GetProperty("tenant").GetProperty("slug").GetString());
        }

        await using var byHeader = await ConnectAsync(null, "Bearer " + token);
        Assert.Equal("connection_ack", (await byHeader.ReceiveMessageAsync()).GetProperty("type").GetString());
        Assert.Equal("tenant-b", (await RunAsync(byHeader, "h")).GetProperty("tenant").GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic abc")]
    [InlineData("")]
    public async Task An_invalid_token_is_closed_with_4403(string authorization)
    {
        await using var socket = await ConnectAsync(new { authorization });
        var (message, code, reason) = await socket.ReceiveAsync();
        Assert.Null(message);
        Assert.Equal(4403, code);
        Assert.Equal("Forbidden", reason);
    }

    [Fact]
    public async Task A_tampered_token_is_closed_with_4403()
    {
        var token = await fixture.TokenAsync(TransportFixture.PartnerA);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        await using var socket = await ConnectAsync(new { authorization = "Bearer " + tampered });
        var (message, code, _) = await socket.ReceiveAsync();
        Assert.Null(message);
        Assert.Equal(4403, code);
    }

    [Fact]
    public async Task No_token_at_all_is_closed_with_4403()
    {
        await using var socket = await ConnectAsync(null);
        var (message, code, _) = await socket.ReceiveAsync();
        Assert.Null(message);
        Assert.Equal(4403, code);
    }

    [Fact]
    public async Task Sockets_of_two_tenants_side_by_side_never_see_each_others_rows()
    {
        await using var a = await ConnectAsync(new { authorization = "Bearer " + await fixture.TokenAsync(TransportFixture.PartnerA) });
        await using var b = await ConnectAsync(new { authorization = "Bearer " + await fixture.TokenAsync(TransportFixture.PartnerB) });
        Assert.Equal("connection_ack", (await a.ReceiveMessageAsync()).GetProperty("type").GetString());
        Assert.Equal("connection_ack", (await b.ReceiveMessageAsync()).GetProperty("type").GetString());

        for (var round = 0; round < 3; round++)
        {
            var fromA = RunAsync(a, "a" + round);
            var fromB = RunAsync(b, "b" + round);
            var (dataA, dataB) = (await fromA, await fromB);
            Assert.Equal(["Ann A", "Ben A", "Cat A"], Names(dataA));
            Assert.Equal(["Zed B"], Names(dataB));
            Assert.Equal("tenant-b", dataB.GetProperty("tenant").GetProperty("slug").GetString());
        }
    }

    [Fact]
    public async Task Http_without_a_token_is_still_a_401_challenge()
    {
        using var response = await fixture.Http.PostAsync(
            new Uri("/graphql", UriKind.Relative),
            new StringContent("""{"query":"{ tenant { slug } }"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
