using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Features.Live;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Access;
using Spm.Domain.Live;

namespace Spm.Api.Tests.Live;

/// <summary>The hub's events as GraphQL subscriptions (graphql-transport-ws): same payloads, same access rules, through the Redis fan-out.</summary>
public sealed class HubGraphQLSubscriptionTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task LeaderboardChanged_starts_with_the_current_board_then_streams_pushes_with_decimal_strings()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 2);
        var (a, b) = (org.RepIds[0], org.RepIds[1]);
        hub.Boards.Set(HubTestBoards.Board(org.TenantId, "gql-board", (a, 300m), (b, 200m)));
        await using var socket = await ConnectAsync(org.TenantId, "admin");

        await socket.SubscribeAsync("1", """subscription { leaderboardChanged(key: "gql-board") { boardKey entrants top { rank subjectId score } changed { subjectId } } }""");
        var first = Data(await socket.ReceiveAsync())["leaderboardChanged"]!;
        hub.Boards.Set(HubTestBoards.Board(org.TenantId, "gql-board", (a, 300m), (b, 300.5m)));
        await hub.Notifier.BoardChangedAsync(new BoardChange(org.TenantId, "gql-board", BoardKind.Leaderboard, [b]), default);
        var pushed = Data(await socket.ReceiveAsync())["leaderboardChanged"]!;

        Assert.Equal("300", first["top"]![0]!["score"]!.GetValue<string>());
        Assert.Empty(first["changed"]!.AsArray());
        Assert.Equal(b.ToString(), pushed["top"]![0]!["subjectId"]!.GetValue<string>());
        Assert.Equal("300.5", pushed["top"]![0]!["score"]!.GetValue<string>());
        Assert.Equal([b.ToString(), a.ToString()], pushed["changed"]!.AsArray().Select(e => e!["subjectId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SaleCelebrated_shows_the_amount_to_an_admin_and_withholds_it_from_a_rep()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 2);
        await using var admin = await ConnectAsync(org.TenantId, "admin");
        await using var rep = await ConnectAsync(org.TenantId, "rep", org.RepIds[1]);
        const string Query = "subscription { saleCelebrated { participantName product amount { amount currency } } }";

        var listening = Bus.ListenerCount;
        await admin.SubscribeAsync("1", Query);
        await rep.SubscribeAsync("1", Query);
        await UntilAsync(() => Bus.ListenerCount >= listening + 2);
        await hub.Notifier.SaleCelebratedAsync(new SaleCelebration(org.TenantId, Guid.NewGuid(), org.RepIds[0], "Rep 01", 980.10m, "EUR", "Gripper", new DateOnly(2026, 11, 21), DateTimeOffset.UtcNow), default);

        var seenByAdmin = Data(await admin.ReceiveAsync())["saleCelebrated"]!;
        var seenByRep = Data(await rep.ReceiveAsync())["saleCelebrated"]!;
        Assert.Equal("980.10", seenByAdmin["amount"]!["amount"]!.GetValue<string>());
        Assert.Equal("Rep 01", seenByRep["participantName"]!.GetValue<string>());
        Assert.Null(seenByRep["amount"]);
    }

    [Fact]
    public async Task AttainmentChanged_follows_one_participant()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 2);
        await using var rep = await ConnectAsync(org.TenantId, "rep", org.RepIds[0]);
        var listening = Bus.ListenerCount;
        await rep.SubscribeAsync("1", $$"""subscription { attainmentChanged(participantId: "{{GlobalId.Encode(ParticipantGraphType.TypeName, org.RepIds[0])}}") { scope scopeId attainmentPercent } }""");
        await UntilAsync(() => Bus.ListenerCount > listening);

        await hub.Notifier.AttainmentChangedAsync(new Domain.Events.AttainmentChanged(Guid.NewGuid(), org.TenantId, DateTimeOffset.UtcNow, Domain.Events.AttainmentScope.Participant, org.RepIds[1], Guid.NewGuid(), Domain.Quotas.QuotaType.Revenue, 1m, 0m, 10m, 10m, "EUR"), default);
        await hub.Notifier.AttainmentChangedAsync(new Domain.Events.AttainmentChanged(Guid.NewGuid(), org.TenantId, DateTimeOffset.UtcNow, Domain.Events.AttainmentScope.Participant, org.RepIds[0], Guid.NewGuid(), Domain.Quotas.QuotaType.Revenue, 5m, 1m, 10m, 50m, "EUR"), default);
        var change = Data(await rep.ReceiveAsync())["attainmentChanged"]!;

        Assert.Equal(org.RepIds[0].ToString(), change["scopeId"]!.GetValue<string>());
        Assert.Equal("PARTICIPANT", change["scope"]!.GetValue<string>());
        Assert.Equal("50", change["attainmentPercent"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_access_rules_refuse_a_screen_an_unpaired_board_and_a_rep_another_rep()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 2);
        var display = new Display(Guid.CreateVersion7(), org.TenantId, "Lobby", ["revenue-month"], "someone", DateTimeOffset.UtcNow, "authorization-" + Guid.NewGuid().ToString("N"));
        await using (var db = hub.Database.CreateContext(org.TenantId))
        {
            db.Displays.Add(display);
            await db.SaveChangesAsync();
        }

        await using var screen = await ConnectAsync(org.TenantId, "display", display: display.Id);
        await using var rep = await ConnectAsync(org.TenantId, "rep", org.RepIds[0]);
        await screen.SubscribeAsync("1", """subscription { leaderboardChanged(key: "commissions") { boardKey } }""");
        await rep.SubscribeAsync("1", $$"""subscription { attainmentChanged(participantId: "{{GlobalId.Encode(ParticipantGraphType.TypeName, org.RepIds[1])}}") { scopeId } }""");

        var screenError = Errors(await screen.ReceiveAsync());
        var repError = Errors(await rep.ReceiveAsync());
        Assert.Equal("ACCESS_DENIED", screenError["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("not paired for board 'commissions'", screenError["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ACCESS_DENIED", repError["extensions"]!["code"]!.GetValue<string>());
    }

    private LiveBus Bus => hub.App.Services.GetRequiredService<LiveBus>();

    private static JsonNode Data(JsonNode message)
    {
        Assert.True(message["type"]!.GetValue<string>() == "next", message.ToJsonString());
        return message["payload"]!["data"]!;
    }

    private static JsonNode Errors(JsonNode message) =>
        (message["type"]!.GetValue<string>() == "error" ? message["payload"]!.AsArray() : message["payload"]!["errors"]!.AsArray())[0]!;

    /// <summary>Waits (bounded) for a condition the test cannot await directly, such as a subscription being registered.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition never held");
    }

    private async Task<GraphQLWebSocket> ConnectAsync(Guid tenantId, string role, Guid? participant = null, Guid? display = null)
    {
        var headers = new Dictionary<string, string> { ["X-Test-Tenant"] = tenantId.ToString(), ["X-Test-Role"] = role };
        if (participant is { } p)
        {
            headers["X-Test-Participant"] = p.ToString();
        }

        if (display is { } d)
        {
            headers["X-Test-Display"] = d.ToString();
        }

        var socket = await GraphQLWebSocket.ConnectAsync(hub.App, [], headers);
        Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        return socket;
    }
}
