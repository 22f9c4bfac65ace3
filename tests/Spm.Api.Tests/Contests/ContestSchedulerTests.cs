using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using static Spm.Api.Tests.Contests.ContestWorld;

namespace Spm.Api.Tests.Contests;

public sealed class ContestSchedulerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Nothing_moves_before_the_start_and_two_nodes_start_and_end_a_contest_exactly_once()
    {
        var world = await ContestWorld.CreateAsync(fixture);
        var contest = await world.AddContestAsync(March("march-top"));
        var (nodeA, nodeB) = (world.Lifecycle(), world.Lifecycle());

        world.Clock.Now = MarchStart.AddSeconds(-1);
        await nodeA.RunOnceAsync(CancellationToken.None);
        Assert.Equal(ContestStatus.Scheduled, (await world.ReloadAsync(contest.Id)).Status);

        // Both nodes run at the start instant (the class's database may hold other tests' contests, so count this one's pushes).
        world.Clock.Now = MarchStart;
        await Task.WhenAll(nodeA.RunOnceAsync(CancellationToken.None), nodeB.RunOnceAsync(CancellationToken.None));
        Assert.Equal(ContestStatus.Running, (await world.ReloadAsync(contest.Id)).Status);
        Assert.Single(world.Notifier.Contests, c => c.ContestKey == "march-top");

        // Rep 02 sells 3,000, Rep 01 1,200 + 800 = 2,000. The last deal never reaches Redis (a lagging dispatcher):
        // the final standings come from PostgreSQL, so it still counts.
        await world.SellAsync(("T-1", "3000", 2, "2026-03-05"), ("T-2", "1200", 1, "2026-03-06"));
        await world.Projection.ApplyAsync(world.TenantId, await world.NewEnvelopesAsync(), CancellationToken.None);
        await world.SellAsync(("T-3", "800", 1, "2026-03-31"));

        world.Clock.Now = AprilStart;
        await Task.WhenAll(nodeA.RunOnceAsync(CancellationToken.None), nodeB.RunOnceAsync(CancellationToken.None));

        var final = await world.ReloadAsync(contest.Id);
        Assert.Equal((ContestStatus.Ended, AprilStart), (final.Status, final.EndedAt!.Value));
        Assert.Equal([(1, "Rep 02", 3_000m), (2, "Rep 01", 2_000m), (3, "Rep 03", 0m)], Table(await world.StandingsAsync(contest)));

        await using var db = fixture.CreateContext(world.TenantId);
        var prizes = await db.ContestResults.Where(r => r.ContestId == contest.Id).OrderBy(r => r.Rank).Select(r => r.Prize).ToListAsync();
        Assert.Equal(["Trip", "Dinner", null], prizes);
        var announced = Assert.Single(await db.Outbox.Where(o => o.Type == "contest.ended").ToListAsync());
        var winners = JsonNode.Parse(announced.Payload)!["winners"]!.AsArray();
        Assert.Equal(["Rep 02:1:Trip", "Rep 01:2:Dinner"], winners.Select(w => $"{w!["displayName"]}:{w["place"]}:{w["prize"]}"));

        var pushes = world.Notifier.Contests.Where(c => c.ContestKey == "march-top").ToList();
        Assert.Equal([ContestStatus.Running, ContestStatus.Ended], pushes.Select(c => c.Status));
        Assert.Equal("Rep 02", pushes[^1].Standings[0].DisplayName);
    }

    [Fact]
    public async Task Most_improved_takes_the_baseline_at_the_start()
    {
        var world = await ContestWorld.CreateAsync(fixture);
        // February (baseline): Rep 01 3,000, Rep 02 500. March: Rep 01 3,500, Rep 02 2,000.
        // Improvement: Rep 02 +1,500, Rep 01 +500, Rep 03 0.
        await world.SellAsync(("B-1", "3000", 1, "2026-02-10"), ("B-2", "500", 2, "2026-02-11"));
        var contest = await world.AddContestAsync(March("most-improved", ContestFormat.MostImproved) with { BaselineStart = new(2026, 2, 1), BaselineEnd = new(2026, 2, 28) });
        world.Clock.Now = MarchStart;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);
        Assert.Equal(3_000m, (await world.ReloadAsync(contest.Id)).Baselines[world.Rep(1)]);
        await world.NewEnvelopesAsync();

        await world.SellAsync(("I-1", "3500", 1, "2026-03-02"), ("I-2", "2000", 2, "2026-03-03"));
        await world.Projection.ApplyAsync(world.TenantId, await world.NewEnvelopesAsync(), CancellationToken.None);

        Assert.Equal([(1, "Rep 02", 1_500m), (2, "Rep 01", 500m), (3, "Rep 03", 0m)], Table(await world.StandingsAsync(contest)));
    }

    [Fact]
    public async Task A_contest_started_late_counts_what_was_already_credited_in_its_window()
    {
        var world = await ContestWorld.CreateAsync(fixture);
        var contest = await world.AddContestAsync(March("late-start", metric: LiveMetric.DealsWon));
        await world.SellAsync(("L-1", "10", 3, "2026-03-01"), ("L-2", "10", 3, "2026-03-02"));
        await world.NewEnvelopesAsync();

        // The scheduler was down on 1 March; it starts the contest on the 2nd and rebuilds from PostgreSQL.
        world.Clock.Now = MarchStart.AddDays(1);
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, "Rep 03", 2m), Table(await world.StandingsAsync(contest))[0]);
    }
}
