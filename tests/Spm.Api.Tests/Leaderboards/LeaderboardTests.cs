using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Access;
using Spm.Domain.Crediting;
using Spm.Domain.Events;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Live.Leaderboards;
using StackExchange.Redis;

namespace Spm.Api.Tests.Leaderboards;

public sealed class LeaderboardTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task After_sales_amendments_and_cancellations_the_live_boards_equal_the_ranking_sql_computes_over_credits()
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        await world.CreateBoardAsync("revenue", "[{ metric: CREDITED_REVENUE }]");
        await world.CreateBoardAsync("deals", "[{ metric: DEALS_WON }]");
        await world.RecordAsync(
            LeaderboardWorld.Sale("X-1", "1000.00", world.Rep(1)),
            LeaderboardWorld.Sale("X-2", "1000.00", world.Rep(2)),
            LeaderboardWorld.Sale("X-3", "1500.00", world.Rep(3), [new { participantId = world.Rep(3), splitPercent = "60" }, new { participantId = world.Rep(4), splitPercent = "40" }]),
            LeaderboardWorld.Sale("X-4", "800.00", world.Rep(5)),
            LeaderboardWorld.Sale("X-5", "700.00", world.Rep(4)),
            LeaderboardWorld.Sale("X-6", "333.33", world.Rep(5)));
        // An amendment (800 -> 1,200), a cancellation and a re-split after the first batch.
        await world.RecordAsync(LeaderboardWorld.Sale("X-4", "1200.00", world.Rep(5)));
        var cancelled = await world.Admin.DataAsync("""mutation { cancelSale(input: { source: "crm", externalId: "X-5" }) { errors { code } } }""");
        Assert.Empty(cancelled["cancelSale"]!["errors"]!.AsArray());
        await world.RecordAsync(LeaderboardWorld.Sale("X-3", "1500.00", world.Rep(3), [new { participantId = world.Rep(3), splitPercent = "50" }, new { participantId = world.Rep(4), splitPercent = "50" }]));
        await world.CaughtUpAsync();

        await using var db = fixture.CreateContext(world.Org.TenantId);
        var credits = await db.Credits.Select(c => new { c.ParticipantId, c.Type, c.AdjustedType, c.ReportingAmount }).ToListAsync();
        var expectedRevenue = LeaderboardWorld.DenseRanks(credits
            .Where(c => (c.Type == nameof(CreditType.Adjustment) ? c.AdjustedType : c.Type) != nameof(CreditType.Rollup))
            .GroupBy(c => c.ParticipantId)
            .Select(g => (GlobalId.Encode("Participant", g.Key), g.Sum(c => c.ReportingAmount))));
        var revenue = await world.StandingsAsync("revenue");
        Assert.False((bool)revenue["degraded"]!);
        Assert.Equal(expectedRevenue, LeaderboardWorld.Sorted(LeaderboardWorld.Rows(revenue)));
        Assert.Equal(expectedRevenue.Count, (int)revenue["entrants"]!);
        // The literal figures: Rep 05 1,200 + 333.33; Rep 01 and Rep 02 tie at 1,000; Rep 03 and Rep 04 750 each; Rep 04's 700 cancelled.
        Assert.Equal([(1, 1533.33m), (2, 1000m), (2, 1000m), (3, 750m), (3, 750m)], LeaderboardWorld.Rows(revenue).Select(r => (r.Rank, r.Score)));

        var sales = await db.Sales.Select(s => new { s.OwnerParticipantId, s.IsCancelled }).ToListAsync();
        var expectedDeals = LeaderboardWorld.DenseRanks(sales.GroupBy(s => s.OwnerParticipantId).Select(g => (GlobalId.Encode("Participant", g.Key), (decimal)g.Count(s => !s.IsCancelled))));
        Assert.Equal(expectedDeals, LeaderboardWorld.Sorted(LeaderboardWorld.Rows(await world.StandingsAsync("deals"))));
    }

    [Fact]
    public async Task An_event_applied_twice_counts_once()
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        await world.CreateBoardAsync("twice", "[{ metric: CREDITED_REVENUE }]");
        var projection = fixture.Api.Services.GetServices<IOutboxProjection>().OfType<LeaderboardProjection>().Single();
        var today = DateOnly.Parse(LeaderboardWorld.Today, System.Globalization.CultureInfo.InvariantCulture);
        var credit = new CreditsChanged(Guid.CreateVersion7(), world.Org.TenantId, DateTimeOffset.UtcNow, "crm", "T-1", 1, "EUR", [new CreditDelta(world.Org.RepIds[0], CreditType.Direct, 123.45m, today)]);
        // Outbox ids far above the dispatcher's, so it never meets them.
        IReadOnlyList<OutboxEnvelope> batch = [new OutboxEnvelope(long.MaxValue / 2, world.Org.TenantId, credit)];
        var first = await projection.ApplyAsync(world.Org.TenantId, batch, CancellationToken.None);
        await projection.ApplyAsync(world.Org.TenantId, batch, CancellationToken.None);

        Assert.Equal(["twice"], first.Select(c => c.BoardKey));
        var rows = LeaderboardWorld.Rows(await world.StandingsAsync("twice"));
        Assert.Equal([(world.Rep(1), 1, 123.45m)], rows);
    }

    [Fact]
    public async Task Ties_share_a_dense_rank_around_me_shows_my_neighbours_and_movement_follows_the_previous_snapshot()
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        await world.CreateBoardAsync("month", "[{ metric: CREDITED_REVENUE }]", window: "MONTH");
        await world.RecordAsync(
            LeaderboardWorld.Sale("M-1", "500.00", world.Rep(1)),
            LeaderboardWorld.Sale("M-2", "500.00", world.Rep(2)),
            LeaderboardWorld.Sale("M-3", "200.00", world.Rep(3)),
            LeaderboardWorld.Sale("M-4", "100.00", world.Rep(4)));
        await world.CaughtUpAsync();
        var before = await world.StandingsAsync("month");
        Assert.Equal([1, 1, 2, 3], LeaderboardWorld.Rows(before).Select(r => r.Rank));
        Assert.All(before["entries"]!.AsArray(), e => Assert.Null(e!["previousRank"]));

        await world.RecordAsync(LeaderboardWorld.Sale("M-5", "1000.00", world.Rep(3)));
        await world.CaughtUpAsync();
        var after = await world.StandingsAsync("month");
        var rep3 = after["entries"]!.AsArray().Single(e => (string)e!["subjectId"]! == world.Rep(3))!;
        Assert.Equal((1, 2, 1), ((int)rep3["rank"]!, (int)rep3["previousRank"]!, (int)rep3["movement"]!));
        var rep1 = after["entries"]!.AsArray().Single(e => (string)e!["subjectId"]! == world.Rep(1))!;
        Assert.Equal((2, 1, -1), ((int)rep1["rank"]!, (int)rep1["previousRank"]!, (int)rep1["movement"]!));

        // Rep 04 is last (rank 3 of 1,200 / 500 / 500 / 100); one neighbour above: one of the two tied at rank 2.
        var around = (await world.Admin.DataAsync(
            "query($p: ID!) { leaderboard(key: \"month\") { around(participantId: $p, neighbours: 1) { entrants entries { rank subjectId score } } } }",
            new { p = world.Rep(4) }))["leaderboard"]!["around"]!;
        Assert.Equal(4, (int)around["entrants"]!);
        Assert.Equal([(2, 500m), (3, 100m)], LeaderboardWorld.Rows(around).Select(r => (r.Rank, r.Score)));
        Assert.Equal(world.Rep(4), LeaderboardWorld.Rows(around)[1].Subject);
        var nobody = await world.Admin.DataAsync("query($p: ID!) { leaderboard(key: \"month\") { around(participantId: $p) { entrants } } }", new { p = world.Rep(5) });
        Assert.Null(nobody["leaderboard"]!["around"]);
    }

    [Fact]
    public async Task A_team_board_with_weighted_points_sums_each_members_contributions_for_their_team()
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        // Rep 04 and Rep 05 move to Team Two.
        var teamTwo = new Spm.Domain.Organisation.Team(Guid.CreateVersion7(), world.Org.TenantId, "Team Two", null, null);
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            db.Teams.Add(teamTwo);
            await db.SaveChangesAsync();
            foreach (var rep in await db.Participants.Where(p => p.Id == world.Org.RepIds[3] || p.Id == world.Org.RepIds[4]).ToListAsync())
            {
                rep.JoinTeam(teamTwo.Id);
            }

            await db.SaveChangesAsync();
        }

        await world.CreateBoardAsync("teams", "[{ metric: CREDITED_REVENUE, weight: \"0.01\" }, { metric: DEALS_WON, weight: \"10\" }]", extra: "subject: TEAMS");
        await world.RecordAsync(
            LeaderboardWorld.Sale("T-1", "1000.00", world.Rep(1)),
            LeaderboardWorld.Sale("T-2", "2500.00", world.Rep(4)),
            LeaderboardWorld.Sale("T-3", "500.00", world.Rep(5)));
        await world.CaughtUpAsync();
        var rows = LeaderboardWorld.Rows(await world.StandingsAsync("teams"));
        // Team Two: 30 + 2 x 10 = 50 points; Team One: 10 + 10 = 20 (Mona's roll-ups are not revenue here).
        Assert.Equal([(GlobalId.Encode("Team", teamTwo.Id), 1, 50m), (GlobalId.Encode("Team", world.Org.TeamId), 2, 20m)], rows);
    }

    [Fact]
    public async Task A_screen_reads_only_the_boards_it_was_paired_for()
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        await world.CreateBoardAsync("shown", "[{ metric: CALLS }]", window: "DAY");
        await world.CreateBoardAsync("hidden", "[{ metric: CALLS }]", window: "DAY");
        var display = new Display(Guid.CreateVersion7(), world.Org.TenantId, "Lobby", ["shown", "elsewhere"], "test-user", DateTimeOffset.UtcNow, "auth-1");
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            db.Displays.Add(display);
            await db.SaveChangesAsync();
        }

        var screen = fixture.Api.ClientFor(world.Org.TenantId, "display");
        screen.DefaultRequestHeaders.Add("X-Test-Display", display.Id.ToString());
        var list = await screen.DataAsync("{ leaderboards { key } }");
        Assert.Equal(["shown"], list["leaderboards"]!.AsArray().Select(b => (string)b!["key"]!));
        Assert.Equal("shown", (string)(await screen.DataAsync("{ leaderboard(key: \"shown\") { key } }"))["leaderboard"]!["key"]!);
        Assert.Null((await screen.DataAsync("{ leaderboard(key: \"hidden\") { key } }"))["leaderboard"]);
        var all = await world.Admin.DataAsync("{ leaderboards { key } }");
        Assert.Equal(["hidden", "shown"], all["leaderboards"]!.AsArray().Select(b => (string)b!["key"]!));
    }

    [Theory]
    [InlineData("""key: "Bad Key", title: "x", metrics: [{ metric: CALLS }], window: DAY""", "INVALID_KEY", "input.key")]
    [InlineData("""key: "w", title: "x", metrics: [{ metric: CALLS, weight: "0.001" }], window: DAY""", "INVALID_WEIGHT", "input.metrics.0.weight")]
    [InlineData("""key: "m", title: "x", metrics: [], window: DAY""", "INVALID_METRICS", "input.metrics")]
    [InlineData("""key: "a", title: "x", metrics: [{ metric: ATTAINMENT_PERCENT }, { metric: CALLS }], window: MONTH""", "INVALID_METRICS", "input.metrics")]
    [InlineData("""key: "s", title: "x", metrics: [{ metric: CALLS }], window: DAY, scope: TEAM""", "REQUIRED", "input.scopeId")]
    [InlineData("""key: "t", title: "x", metrics: [{ metric: CALLS }], window: DAY, topSize: 101""", "OUT_OF_RANGE", "input.topSize")]
    [InlineData("""key: "u", title: " ", metrics: [{ metric: CALLS }], window: DAY""", "REQUIRED", "input.title")]
    public async Task Bad_input_is_a_user_error_naming_the_field_and_writes_nothing(string input, string code, string field)
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        var result = (await world.Admin.DataAsync($$"""mutation { createLeaderboard(input: { {{input}} }) { leaderboard { key } errors { code field } } }"""))["createLeaderboard"]!;
        Assert.Null(result["leaderboard"]);
        var error = result["errors"]!.AsArray().Single()!;
        Assert.Equal((code, field), ((string)error["code"]!, string.Join('.', error["field"]!.AsArray().Select(f => (string)f!))));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(0, await db.Set<LeaderboardDefinition>().CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.EntityType == "Leaderboard"));
    }

    [Fact]
    public async Task A_duplicate_key_is_refused_an_update_bumps_the_version_and_rebuilds_and_a_delete_is_audited()
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        await world.CreateBoardAsync("dup", "[{ metric: CREDITED_REVENUE }]");
        var again = (await world.Admin.DataAsync("""mutation { createLeaderboard(input: { key: "dup", title: "x", metrics: [{ metric: CALLS }], window: DAY }) { errors { code field } } }"""))["createLeaderboard"]!;
        Assert.Equal("DUPLICATE_KEY", (string)again["errors"]![0]!["code"]!);
        await world.RecordAsync(LeaderboardWorld.Sale("U-1", "400.00", world.Rep(1)));
        await world.CaughtUpAsync();

        // Revenue to deals: the new version is built from the database at once.
        var updated = (await world.Admin.DataAsync("""mutation { updateLeaderboard(input: { key: "dup", metrics: [{ metric: DEALS_WON }] }) { leaderboard { metrics { metric weight } } errors { code } } }"""))["updateLeaderboard"]!;
        Assert.Empty(updated["errors"]!.AsArray());
        Assert.Equal([(world.Rep(1), 1, 1m)], LeaderboardWorld.Rows(await world.StandingsAsync("dup")));
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            Assert.Equal(2, (await db.Set<LeaderboardDefinition>().SingleAsync()).Version);
        }

        var deleted = (await world.Admin.DataAsync("""mutation { deleteLeaderboard(input: { key: "dup" }) { key errors { code } } }"""))["deleteLeaderboard"]!;
        Assert.Equal("dup", (string)deleted["key"]!);
        await using var after = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(["leaderboard.create", "leaderboard.update", "leaderboard.delete"], await after.AuditLog.Where(a => a.EntityType == "Leaderboard").OrderBy(a => a.OccurredAt).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task When_redis_loses_a_tenant_the_next_read_and_the_next_event_rebuild_it_from_postgres()
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        await world.CreateBoardAsync("lost", "[{ metric: CREDITED_REVENUE }]");
        await world.RecordAsync(LeaderboardWorld.Sale("L-1", "600.00", world.Rep(1)), LeaderboardWorld.Sale("L-2", "900.00", world.Rep(2)));
        await world.CaughtUpAsync();
        var expected = LeaderboardWorld.Rows(await world.StandingsAsync("lost"));
        Assert.Equal([900m, 600m], expected.Select(r => r.Score));

        // Only this tenant's keys: other test classes share the server.
        await ForgetTenantAsync(world.Org.TenantId);
        Assert.Equal(expected, LeaderboardWorld.Rows(await world.StandingsAsync("lost")));

        await ForgetTenantAsync(world.Org.TenantId);
        await world.RecordAsync(LeaderboardWorld.Sale("L-3", "50.00", world.Rep(1)));
        await world.CaughtUpAsync();
        Assert.Equal([(world.Rep(2), 1, 900m), (world.Rep(1), 2, 650m)], LeaderboardWorld.Rows(await world.StandingsAsync("lost")));

        var rebuilt = (await world.Admin.DataAsync("mutation { rebuildLeaderboards { boards errors { code } } }"))["rebuildLeaderboards"]!;
        Assert.Equal(1, (int)rebuilt["boards"]!);
        Assert.Equal([(world.Rep(2), 1, 900m), (world.Rep(1), 2, 650m)], LeaderboardWorld.Rows(await world.StandingsAsync("lost")));
    }

    [Fact]
    public async Task With_redis_down_boards_come_from_postgres_with_the_same_dense_ranks_marked_degraded()
    {
        var world = await LeaderboardWorld.CreateAsync(fixture);
        await world.CreateBoardAsync("down", "[{ metric: CREDITED_REVENUE }]");
        await world.RecordAsync(LeaderboardWorld.Sale("R-1", "300.00", world.Rep(1)), LeaderboardWorld.Sale("R-2", "300.00", world.Rep(2)), LeaderboardWorld.Sale("R-3", "100.00", world.Rep(3)));
        await world.CaughtUpAsync();
        var live = await world.StandingsAsync("down");

        // A node whose Redis is a closed port: every Redis call fails.
        await using var dead = fixture.Api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,abortConnect=false,connectTimeout=100,syncTimeout=500,asyncTimeout=500"));
        var client = dead.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Tenant", world.Org.TenantId.ToString());
        client.DefaultRequestHeaders.Add("X-Test-Role", "admin");
        var degraded = await world.StandingsAsync("down", client);
        Assert.True((bool)degraded["degraded"]!);
        Assert.False((bool)live["degraded"]!);
        Assert.Equal(LeaderboardWorld.Sorted(LeaderboardWorld.Rows(live)), LeaderboardWorld.Sorted(LeaderboardWorld.Rows(degraded)));
        Assert.Equal([1, 1, 2], LeaderboardWorld.Rows(degraded).Select(r => r.Rank));
        Assert.Equal(3, (int)degraded["entrants"]!);
    }

    private async Task ForgetTenantAsync(Guid tenantId)
    {
        var redis = fixture.Api.Services.GetRequiredService<IConnectionMultiplexer>();
        var keys = fixture.Api.Services.GetRequiredService<LeaderboardKeys>();
        var server = redis.GetServers().First();
        var db = redis.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: keys.Tenant(tenantId).Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal) + "*"))
        {
            await db.KeyDeleteAsync(key);
        }

        Assert.False(await db.KeyExistsAsync(keys.Built(tenantId)));
    }
}
