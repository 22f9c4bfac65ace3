using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;
using StackExchange.Redis;
using static Spm.Api.Tests.Contests.ContestWorld;

namespace Spm.Api.Tests.Contests;

public sealed class ContestProjectionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Credits_in_the_window_move_a_running_contest_and_a_batch_applied_twice_counts_once()
    {
        var world = await ContestWorld.CreateAsync(fixture);
        var contest = await world.AddContestAsync(March("march-revenue"));
        world.Clock.Now = MarchStart;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);

        // Rep 01: 1,000 + 700 on 20 Feb (before the window, ignored); Rep 02: 2,500. Mona's roll-up credits are
        // left out and she is not a rep, so the company contest ranks the three reps only.
        await world.SellAsync(("S-1", "1000", 1, "2026-03-10"), ("S-2", "2500", 2, "2026-03-12"), ("S-3", "700", 1, "2026-02-20"));
        var batch = await world.NewEnvelopesAsync();

        var changes = await world.Projection.ApplyAsync(world.TenantId, batch, CancellationToken.None);
        var again = await world.Projection.ApplyAsync(world.TenantId, batch, CancellationToken.None);

        var change = Assert.Single(changes);
        Assert.Equal(("march-revenue", BoardKind.Contest), (change.BoardKey, change.Kind));
        Assert.Equal(new[] { world.Rep(1), world.Rep(2) }.Order(), change.ChangedSubjects.Order());
        Assert.Empty(again);
        Assert.Equal([(1, "Rep 02", 2_500m), (2, "Rep 01", 1_000m), (3, "Rep 03", 0m)], Table(await world.StandingsAsync(contest)));
    }

    [Fact]
    public async Task A_race_records_finishers_in_the_order_they_cross_the_goal()
    {
        var world = await ContestWorld.CreateAsync(fixture);
        var contest = await world.AddContestAsync(March("march-race", ContestFormat.RaceToGoal) with { Goal = 2_000m });
        world.Clock.Now = MarchStart;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);

        // Rep 01 leads with 1,500 but has not finished; Rep 02 reaches 2,000 exactly and finishes first; then Rep 01
        // reaches 2,100 and finishes second, ranked behind Rep 02 despite the higher score.
        await world.SellAsync(("R-1", "1500", 1, "2026-03-03"));
        await world.Projection.ApplyAsync(world.TenantId, await world.NewEnvelopesAsync(), CancellationToken.None);
        await world.SellAsync(("R-2", "2000", 2, "2026-03-04"));
        await world.Projection.ApplyAsync(world.TenantId, await world.NewEnvelopesAsync(), CancellationToken.None);
        await world.SellAsync(("R-3", "600", 1, "2026-03-05"));
        var last = await world.NewEnvelopesAsync();
        await world.Projection.ApplyAsync(world.TenantId, last, CancellationToken.None);
        await world.Projection.ApplyAsync(world.TenantId, last, CancellationToken.None);

        var standings = await world.StandingsAsync(contest);
        Assert.Equal([(1, "Rep 02", 2_000m), (2, "Rep 01", 2_100m), (3, "Rep 03", 0m)], Table(standings));
        Assert.NotNull(standings[1].FinishedAt);
        Assert.Null(standings[2].FinishedAt);
        var redis = fixture.Api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var order = await redis.SortedSetRangeByRankAsync(world.Store.Keys.Finishers(world.TenantId, contest.Id));
        Assert.Equal([world.Rep(2).ToString(), world.Rep(1).ToString()], order.Select(o => o.ToString()));
    }

    [Fact]
    public async Task A_race_rebuilt_after_Redis_lost_it_recovers_the_finishing_order_and_times_from_PostgreSQL()
    {
        var world = await ContestWorld.CreateAsync(fixture);
        var contest = await world.AddContestAsync(March("march-race-lost", ContestFormat.RaceToGoal) with { Goal = 2_000m });
        world.Clock.Now = MarchStart;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);

        // As in the race above: Rep 02 crosses 2,000 with R-2, then Rep 01 with R-3 (1,500 + 600 = 2,100).
        foreach (var sale in new[] { ("L-1", "1500", 1, "2026-03-03"), ("L-2", "2000", 2, "2026-03-04"), ("L-3", "600", 1, "2026-03-05") })
        {
            await world.SellAsync(sale);
            await world.Projection.ApplyAsync(world.TenantId, await world.NewEnvelopesAsync(), CancellationToken.None);
        }

        var live = await world.StandingsAsync(contest);

        // Redis loses everything (a restart without persistence), then the contest is rebuilt from PostgreSQL.
        var redis = fixture.Api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var keys = world.Store.Keys;
        await redis.KeyDeleteAsync([keys.Scores(world.TenantId, contest.Id), keys.Finishers(world.TenantId, contest.Id), keys.FinishTimes(world.TenantId, contest.Id)]);
        await world.Lifecycle().RebuildAsync(world.TenantId, contest.Id, CancellationToken.None);
        var rebuilt = await world.StandingsAsync(contest);

        Assert.Equal([(1, "Rep 02", 2_000m), (2, "Rep 01", 2_100m), (3, "Rep 03", 0m)], Table(rebuilt));
        var order = await redis.SortedSetRangeByRankAsync(keys.Finishers(world.TenantId, contest.Id));
        Assert.Equal([world.Rep(2).ToString(), world.Rep(1).ToString()], order.Select(o => o.ToString()));
        // The times each crossed, to the millisecond, as the live path had recorded them: not the time of the rebuild.
        Assert.Equal(live.Select(s => s.FinishedAt), rebuilt.Select(s => s.FinishedAt));
        Assert.True(rebuilt[0].FinishedAt < rebuilt[1].FinishedAt);
    }

    [Fact]
    public async Task Hidden_contests_are_scored_but_never_reported_and_other_metrics_stay_still()
    {
        var world = await ContestWorld.CreateAsync(fixture);
        var hidden = await world.AddContestAsync(March("test-run") with { Hidden = true });
        var calls = await world.AddContestAsync(March("march-calls", metric: LiveMetric.Calls));
        var deals = await world.AddContestAsync(March("march-deals", metric: LiveMetric.DealsWon));
        world.Clock.Now = MarchStart;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);

        await world.SellAsync(("H-1", "400", 3, "2026-03-20"), ("H-2", "100", 3, "2026-03-21"));
        var changes = await world.Projection.ApplyAsync(world.TenantId, await world.NewEnvelopesAsync(), CancellationToken.None);

        Assert.Equal(["march-deals"], changes.Select(c => c.BoardKey));
        Assert.Equal((1, "Rep 03", 500m), Table(await world.StandingsAsync(hidden))[0]);
        Assert.Equal((1, "Rep 03", 2m), Table(await world.StandingsAsync(deals))[0]);
        Assert.All(await world.StandingsAsync(calls), s => Assert.Equal(0m, s.Score));
    }

    [Fact]
    public async Task The_outbox_dispatcher_feeds_a_running_contest_end_to_end()
    {
        var world = await ContestWorld.CreateAsync(fixture);
        var contest = await world.AddContestAsync(March("dispatched", metric: LiveMetric.DealsWon));
        world.Clock.Now = MarchStart;
        await world.Lifecycle(appKeys: true).RunOnceAsync(CancellationToken.None);

        // recordSales -> outbox -> NOTIFY -> the app's dispatcher -> ContestProjection -> Redis -> IContestReader.
        await world.SellAsync(("E-1", "10", 2, "2026-03-09"), ("E-2", "10", 2, "2026-03-10"), ("E-3", "10", 1, "2026-03-11"));
        var reader = fixture.Api.Services.GetRequiredService<IContestReader>();
        ContestSnapshot? snapshot = null;
        for (var attempt = 0; attempt < 200 && snapshot?.Standings.Sum(s => s.Score) != 3m; attempt++)
        {
            await Task.Delay(100);
            snapshot = await reader.ContestAsync(world.TenantId, "dispatched", 10, CancellationToken.None);
        }

        Assert.Equal([(1, "Rep 02", 2m), (2, "Rep 01", 1m), (3, "Rep 03", 0m)], Table(snapshot!.Standings));
        Assert.Equal((ContestStatus.Running, "TOP_N"), (snapshot.Status, snapshot.Format));
        Assert.Equal(contest.Key, snapshot.ContestKey);
    }
}
