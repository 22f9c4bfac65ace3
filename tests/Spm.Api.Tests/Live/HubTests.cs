using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Spm.Api.Features.Live;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Access;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Domain.Quotas;

namespace Spm.Api.Tests.Live;

/// <summary>The live hub: subscribing returns the snapshot, pushes reach the right groups, joins follow the roles.</summary>
public sealed class HubTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Subscribing_returns_the_current_board_and_a_change_pushes_the_new_one_with_the_moved_entries()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 3);
        var (a, b, c) = (org.RepIds[0], org.RepIds[1], org.RepIds[2]);
        hub.Boards.Set(HubTestBoards.Board(org.TenantId, "revenue-month", (a, 300m), (b, 200m), (c, 100m)));
        await using var connection = await hub.ConnectAsync(org.TenantId, "manager", org.ManagerId);
        using var inbox = new HubInbox<LeaderboardSnapshot>(connection, nameof(ILiveClient.LeaderboardChanged));

        var current = await connection.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "revenue-month");
        hub.Boards.Set(HubTestBoards.Board(org.TenantId, "revenue-month", (a, 300m), (b, 200m), (c, 450.25m)));
        await hub.Notifier.BoardChangedAsync(new BoardChange(org.TenantId, "revenue-month", BoardKind.Leaderboard, [c]), default);
        var pushed = await inbox.NextAsync();

        Assert.NotNull(current);
        Assert.Equal([a, b, c], current.Top.Select(e => e.SubjectId));
        Assert.Equal([c, a, b], pushed.Top.Select(e => e.SubjectId));
        Assert.Equal(450.25m, pushed.Top[0].Score);
        // c moved (named by the dispatcher and new score); a and b moved down a rank.
        Assert.Equal([c, a, b], pushed.Changed.Select(e => e.SubjectId));
    }

    [Fact]
    public async Task A_second_push_lists_only_the_entries_that_moved_since_the_first()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 3);
        var (a, b, c) = (org.RepIds[0], org.RepIds[1], org.RepIds[2]);
        await using var connection = await hub.ConnectAsync(org.TenantId, "admin");
        using var inbox = new HubInbox<LeaderboardSnapshot>(connection, nameof(ILiveClient.LeaderboardChanged));
        await connection.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "deals");

        hub.Boards.Set(HubTestBoards.Board(org.TenantId, "deals", (a, 3m), (b, 2m), (c, 1m)));
        await hub.Notifier.BoardChangedAsync(new BoardChange(org.TenantId, "deals", BoardKind.Leaderboard, [a]), default);
        var first = await inbox.NextAsync();
        hub.Boards.Set(HubTestBoards.Board(org.TenantId, "deals", (a, 3m), (b, 2m), (c, 2m)));
        await hub.Notifier.BoardChangedAsync(new BoardChange(org.TenantId, "deals", BoardKind.Leaderboard, []), default);
        var second = await inbox.NextAsync();

        Assert.Equal(3, first.Top.Count);
        // c tied b (same dense rank 2, new score); a and b did not move.
        Assert.Equal([c], second.Changed.Select(e => e.SubjectId));
        Assert.Equal(2, second.Top.Single(e => e.SubjectId == c).Rank);
    }

    [Fact]
    public async Task A_burst_of_changes_to_one_board_is_coalesced_and_the_last_push_carries_the_latest_scores()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        var rep = org.RepIds[0];
        await using var connection = await hub.ConnectAsync(org.TenantId, "admin");
        using var inbox = new HubInbox<LeaderboardSnapshot>(connection, nameof(ILiveClient.LeaderboardChanged));
        await connection.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "burst");

        const int Deals = 50;
        for (var i = 1; i <= Deals; i++)
        {
            hub.Boards.Set(HubTestBoards.Board(org.TenantId, "burst", (rep, i)));
            await hub.Notifier.BoardChangedAsync(new BoardChange(org.TenantId, "burst", BoardKind.Leaderboard, [rep]), default);
        }

        // Pushes until one shows the last score: latest wins, so it must come.
        var pushes = new List<LeaderboardSnapshot>();
        do
        {
            pushes.Add(await inbox.NextAsync());
        }
        while (pushes[^1].Top[0].Score != Deals);

        // One push at once, then at most one per interval: far fewer than one per deal.
        Assert.InRange(pushes.Count, 1, Deals / 5);
    }

    [Fact]
    public async Task Contest_subscription_returns_the_contest_and_status_changes_arrive_as_started_and_ended()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        hub.Boards.Set(HubTestBoards.Contest(org.TenantId, "sprint", ContestStatus.Scheduled));
        await using var connection = await hub.ConnectAsync(org.TenantId, "rep", org.RepIds[0]);
        using var started = new HubInbox<ContestSnapshot>(connection, nameof(ILiveClient.ContestStarted));
        using var ended = new HubInbox<ContestSnapshot>(connection, nameof(ILiveClient.ContestEnded));
        using var changed = new HubInbox<ContestSnapshot>(connection, nameof(ILiveClient.ContestChanged));

        var current = await connection.InvokeAsync<ContestSnapshot?>(nameof(LiveHub.SubscribeContest), "sprint");
        await hub.Notifier.ContestStatusChangedAsync(HubTestBoards.Contest(org.TenantId, "sprint", ContestStatus.Running), default);
        var start = await started.NextAsync();
        hub.Boards.Set(HubTestBoards.Contest(org.TenantId, "sprint", ContestStatus.Running));
        await hub.Notifier.BoardChangedAsync(new BoardChange(org.TenantId, "sprint", BoardKind.Contest, []), default);
        var moved = await changed.NextAsync();
        await hub.Notifier.ContestStatusChangedAsync(HubTestBoards.Contest(org.TenantId, "sprint", ContestStatus.Ended), default);
        var end = await ended.NextAsync();

        Assert.Equal(ContestStatus.Scheduled, current!.Status);
        Assert.Equal(ContestStatus.Running, start.Status);
        Assert.Equal(1250.50m, moved.Standings[0].Score);
        Assert.Equal(ContestStatus.Ended, end.Status);
    }

    [Fact]
    public async Task Sale_celebrations_show_the_amount_to_managers_and_screens_but_not_to_reps()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 2);
        var display = await PairDisplayAsync(org.TenantId, ["revenue-month"]);
        await using var manager = await hub.ConnectAsync(org.TenantId, "manager", org.ManagerId);
        await using var rep = await hub.ConnectAsync(org.TenantId, "rep", org.RepIds[1]);
        await using var screen = await hub.ConnectAsync(org.TenantId, "display", display: display);
        using var managerInbox = new HubInbox<SaleCelebration>(manager, nameof(ILiveClient.SaleCelebrated));
        using var repInbox = new HubInbox<SaleCelebration>(rep, nameof(ILiveClient.SaleCelebrated));
        using var screenInbox = new HubInbox<SaleCelebration>(screen, nameof(ILiveClient.SaleCelebrated));
        // A connection joins the tenant's celebration group in OnConnectedAsync, which SignalR runs after the handshake;
        // an invocation is handled only after it, so one round trip each makes sure all three are in.
        foreach (var connection in new[] { manager, rep, screen })
        {
            await connection.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "revenue-month");
        }

        var sale = new SaleCelebration(org.TenantId, Guid.NewGuid(), org.RepIds[0], "Rep 01", 12_500.75m, "EUR", "Robot arm", new DateOnly(2026, 11, 20), DateTimeOffset.UtcNow);
        await hub.Notifier.SaleCelebratedAsync(sale, default);

        Assert.Equal(12_500.75m, (await managerInbox.NextAsync()).ReportingAmount);
        Assert.Equal("EUR", (await screenInbox.NextAsync()).ReportingCurrency);
        var seenByRep = await repInbox.NextAsync();
        Assert.Equal("Rep 01", seenByRep.ParticipantName);
        Assert.Null(seenByRep.ReportingAmount);
        Assert.Null(seenByRep.ReportingCurrency);
    }

    [Fact]
    public async Task A_burst_of_deals_reaches_hub_clients_as_one_celebration_of_the_largest_carrying_the_others()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 2);
        await using var manager = await hub.ConnectAsync(org.TenantId, "manager", org.ManagerId);
        await using var rep = await hub.ConnectAsync(org.TenantId, "rep", org.RepIds[1]);
        using var managerInbox = new HubInbox<SaleCelebration>(manager, nameof(ILiveClient.SaleCelebrated));
        using var repInbox = new HubInbox<SaleCelebration>(rep, nameof(ILiveClient.SaleCelebrated));
        foreach (var connection in new[] { manager, rep })
        {
            await connection.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "revenue-month");
        }

        SaleCelebration Deal(string name, decimal amount) =>
            new(org.TenantId, Guid.NewGuid(), org.RepIds[0], name, amount, "USD", null, new DateOnly(2026, 11, 20), DateTimeOffset.UtcNow);

        // The first deal after a quiet spell goes out alone, at once.
        await hub.Notifier.SaleCelebratedAsync(Deal("first", 100m), default);
        Assert.Equal("first", (await managerInbox.NextAsync()).ParticipantName);
        Assert.Null((await repInbox.NextAsync()).AlsoLanded);

        // Three more within the interval (1 s in this fixture): one push, headed by the largest, the others largest first.
        await hub.Notifier.SaleCelebratedAsync(Deal("small", 200m), default);
        await hub.Notifier.SaleCelebratedAsync(Deal("big", 900m), default);
        await hub.Notifier.SaleCelebratedAsync(Deal("medium", 500m), default);
        var burst = await managerInbox.NextAsync();
        Assert.Equal("big", burst.ParticipantName);
        Assert.Equal(900m, burst.ReportingAmount);
        Assert.Equal(2, burst.AlsoLandedCount);
        Assert.Equal(["medium", "small"], burst.AlsoLanded!.Select(d => d.ParticipantName));
        Assert.Equal([500m, 200m], burst.AlsoLanded!.Select(d => d.ReportingAmount));

        // A rep sees the same deals, no amount on any of them.
        var seenByRep = await repInbox.NextAsync();
        Assert.Equal(["big", "medium", "small"], new[] { seenByRep }.Concat(seenByRep.AlsoLanded!).Select(d => d.ParticipantName));
        Assert.All(new[] { seenByRep }.Concat(seenByRep.AlsoLanded!), d => Assert.Equal(((decimal?)null, (string?)null), (d.ReportingAmount, d.ReportingCurrency)));
        Assert.Equal(0, managerInbox.Pending);
    }

    [Fact]
    public async Task Attainment_reaches_the_participants_group_only()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 2);
        await using var rep = await hub.ConnectAsync(org.TenantId, "rep", org.RepIds[1]);
        using var inbox = new HubInbox<AttainmentChanged>(rep, nameof(ILiveClient.AttainmentChanged));
        await rep.InvokeAsync(nameof(LiveHub.SubscribeParticipant), org.RepIds[1].ToString());

        // The other rep's change first, then this rep's: what arrives first proves the other one was not sent here.
        await hub.Notifier.AttainmentChangedAsync(Attainment(org.TenantId, org.RepIds[0], 10m), default);
        await hub.Notifier.AttainmentChangedAsync(Attainment(org.TenantId, org.RepIds[1], 20m), default);

        var received = await inbox.NextAsync();
        Assert.Equal(org.RepIds[1], received.ScopeId);
        Assert.Equal(20m, received.AttainmentPercent);
    }

    [Fact]
    public async Task A_rep_may_follow_themselves_but_not_another_rep()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 2);
        await using var rep = await hub.ConnectAsync(org.TenantId, "rep", org.RepIds[0]);

        await rep.InvokeAsync(nameof(LiveHub.SubscribeParticipant), org.RepIds[0].ToString());
        await rep.InvokeAsync(nameof(LiveHub.SubscribeTeam), org.TeamId.ToString());
        var refused = await Assert.ThrowsAsync<HubException>(() => rep.InvokeAsync(nameof(LiveHub.SubscribeParticipant), org.RepIds[1].ToString()));

        Assert.Contains("only their own attainment", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_may_follow_their_subtree_and_team_but_not_a_participant_outside_it()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        var other = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        await using var manager = await hub.ConnectAsync(org.TenantId, "manager", org.ManagerId);

        await manager.InvokeAsync(nameof(LiveHub.SubscribeParticipant), org.RepIds[0].ToString());
        await manager.InvokeAsync(nameof(LiveHub.SubscribeTeam), org.TeamId.ToString());
        var outsider = await Assert.ThrowsAsync<HubException>(() => manager.InvokeAsync(nameof(LiveHub.SubscribeParticipant), other.RepIds[0].ToString()));
        var otherTeam = await Assert.ThrowsAsync<HubException>(() => manager.InvokeAsync(nameof(LiveHub.SubscribeTeam), other.TeamId.ToString()));

        Assert.Contains("own subtree", outsider.Message, StringComparison.Ordinal);
        Assert.Contains("teams they lead", otherTeam.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screen_may_join_only_the_boards_it_was_paired_for()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        var display = await PairDisplayAsync(org.TenantId, ["revenue-month", "sprint"]);
        await using var screen = await hub.ConnectAsync(org.TenantId, "display", display: display);

        await screen.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "revenue-month");
        await screen.InvokeAsync<ContestSnapshot?>(nameof(LiveHub.SubscribeContest), "sprint");
        var board = await Assert.ThrowsAsync<HubException>(() => screen.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "commissions"));
        var person = await Assert.ThrowsAsync<HubException>(() => screen.InvokeAsync(nameof(LiveHub.SubscribeParticipant), org.RepIds[0].ToString()));

        Assert.Contains("not paired for board 'commissions'", board.Message, StringComparison.Ordinal);
        // The role lacks the capability: SignalR's own authorization refuses before the hub runs.
        Assert.Contains("unauthorized", person.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unpaired_screen_may_join_nothing()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        var display = await PairDisplayAsync(org.TenantId, ["revenue-month"], unpaired: true);
        await using var screen = await hub.ConnectAsync(org.TenantId, "display", display: display);

        var refused = await Assert.ThrowsAsync<HubException>(() => screen.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "revenue-month"));

        Assert.Contains("not paired", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_may_follow_boards_but_no_participant()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        await using var partner = await hub.ConnectAsync(org.TenantId, "partner");

        await partner.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "revenue-month");
        var refused = await Assert.ThrowsAsync<HubException>(() => partner.InvokeAsync(nameof(LiveHub.SubscribeParticipant), org.RepIds[0].ToString()));

        Assert.Contains("leaderboards and contests only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushes_stay_within_their_tenant_whatever_key_a_client_asks_for()
    {
        var mine = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        var theirs = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        await using var connection = await hub.ConnectAsync(mine.TenantId, "admin");
        using var inbox = new HubInbox<LeaderboardSnapshot>(connection, nameof(ILiveClient.LeaderboardChanged));
        await connection.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "shared-key");

        hub.Boards.Set(HubTestBoards.Board(theirs.TenantId, "shared-key", (theirs.RepIds[0], 999m)));
        await hub.Notifier.BoardChangedAsync(new BoardChange(theirs.TenantId, "shared-key", BoardKind.Leaderboard, []), default);
        hub.Boards.Set(HubTestBoards.Board(mine.TenantId, "shared-key", (mine.RepIds[0], 1m)));
        await hub.Notifier.BoardChangedAsync(new BoardChange(mine.TenantId, "shared-key", BoardKind.Leaderboard, []), default);

        var received = await inbox.NextAsync();
        Assert.Equal(mine.TenantId, received.TenantId);
        Assert.Equal(mine.RepIds[0], received.Top.Single().SubjectId);
    }

    [Fact]
    public async Task The_MessagePack_protocol_carries_the_same_payloads()
    {
        var org = await TestData.CreateTenantAsync(hub.Database, reps: 1);
        hub.Boards.Set(HubTestBoards.Board(org.TenantId, "mp", (org.RepIds[0], 1234.56m)));
        await using var connection = await hub.ConnectAsync(org.TenantId, "finance", messagePack: true);
        using var inbox = new HubInbox<LeaderboardSnapshot>(connection, nameof(ILiveClient.LeaderboardChanged));

        var current = await connection.InvokeAsync<LeaderboardSnapshot?>(nameof(LiveHub.SubscribeLeaderboard), "mp");
        await hub.Notifier.BoardChangedAsync(new BoardChange(org.TenantId, "mp", BoardKind.Leaderboard, [org.RepIds[0]]), default);
        var pushed = await inbox.NextAsync();

        Assert.Equal(1234.56m, current!.Top[0].Score);
        Assert.Equal(1234.56m, pushed.Top[0].Score);
        Assert.Equal(new DateOnly(2026, 11, 30), pushed.WindowEnd);
        Assert.Equal([org.RepIds[0]], pushed.Changed.Select(e => e.SubjectId));
    }

    private static AttainmentChanged Attainment(Guid tenantId, Guid participantId, decimal percent) =>
        new(Guid.NewGuid(), tenantId, DateTimeOffset.UtcNow, AttainmentScope.Participant, participantId, Guid.NewGuid(), QuotaType.Revenue, percent * 100m, 0m, 10_000m, percent, "EUR");

    private async Task<Guid> PairDisplayAsync(Guid tenantId, string[] boards, bool unpaired = false)
    {
        var display = new Display(Guid.CreateVersion7(), tenantId, "Lobby " + Guid.NewGuid().ToString("N")[..6], boards, "someone", DateTimeOffset.UtcNow, "authorization-" + Guid.NewGuid().ToString("N"));
        if (unpaired)
        {
            display.Unpair(DateTimeOffset.UtcNow);
        }

        await using var db = hub.Database.CreateContext(tenantId);
        db.Displays.Add(display);
        await db.SaveChangesAsync();
        return display.Id;
    }
}
