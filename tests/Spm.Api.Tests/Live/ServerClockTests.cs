using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Live;

/// <summary>The serverClock subscription over graphql-transport-ws, on the app's TimeProvider.</summary>
public sealed class ServerClockTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Instant = new(2030, 5, 17, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task It_streams_the_apps_clock_at_once_then_every_interval()
    {
        await using var socket = await ConnectAsync(Guid.NewGuid());
        await socket.SubscribeAsync("1", "subscription { serverClock(intervalSeconds: 1) }");

        var started = DateTimeOffset.UtcNow;
        var first = await socket.ReceiveAsync();
        var second = await socket.ReceiveAsync();
        var elapsed = DateTimeOffset.UtcNow - started;

        // The fixed clock proves the value comes from the app's TimeProvider, not DateTime.UtcNow.
        Assert.Equal("next", first["type"]!.GetValue<string>());
        Assert.Equal("2030-05-17T08:30:00Z", first["payload"]!["data"]!["serverClock"]!.GetValue<string>());
        Assert.Equal("next", second["type"]!.GetValue<string>());
        Assert.Equal("2030-05-17T08:30:00Z", second["payload"]!["data"]!["serverClock"]!.GetValue<string>());
        // One interval between the first event and the second, not zero and not several.
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public async Task An_interval_out_of_range_is_refused(int seconds)
    {
        await using var socket = await ConnectAsync(Guid.NewGuid());
        await socket.SubscribeAsync("1", $"subscription {{ serverClock(intervalSeconds: {seconds}) }}");

        var message = await socket.ReceiveAsync();

        var errors = message["type"]!.GetValue<string>() == "error" ? message["payload"]!.AsArray() : message["payload"]!["errors"]!.AsArray();
        Assert.Equal("INVALID_ARGUMENT", errors[0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("between 1 and 3600", errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_connection_is_closed_with_4403()
    {
        await using var socket = await ConnectAsync(tenant: null);

        Assert.Equal(4403, await socket.ReceiveCloseAsync());
    }

    private async Task<GraphQLWebSocket> ConnectAsync(Guid? tenant)
    {
        var app = fixture.Api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Instant))));
        var headers = tenant is { } id ? new Dictionary<string, string> { ["X-Test-Tenant"] = id.ToString(), ["X-Test-Role"] = "display" } : null;
        var socket = await GraphQLWebSocket.ConnectAsync(app, [], headers, app);
        if (tenant is not null)
        {
            Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        }

        return socket;
    }
}
