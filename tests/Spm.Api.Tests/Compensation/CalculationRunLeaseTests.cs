using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Tests.Compensation;

/// <summary>
/// Runs survive a dead node: rows written the way a node that died would leave them (never handed to any node's
/// in-process queue) are found by the worker's poll, taken over when nobody holds them, and left alone while a live
/// node holds them.
/// </summary>
public sealed class CalculationRunLeaseTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Orphaned_runs_are_completed_from_scratch_a_held_run_is_not_stolen_and_a_run_that_keeps_dying_fails()
    {
        var (world, _) = await CompWorld.WithMarchRunAsync(fixture);
        var tenant = world.Org.TenantId;
        var rep1 = world.Org.RepIds[0];
        var rep2 = world.Org.RepIds[1];
        var rep3 = world.Org.RepIds[2];
        var march = world.Months["2026-03"];
        var now = DateTimeOffset.UtcNow;

        CalculationRun Row(CalculationRunStatus status, string? owner, DateTimeOffset? expires, int attempts, int minutes) => new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant,
            PeriodId = march,
            Kind = CalculationRunKind.Regular,
            Status = status,
            RequestedBy = "test",
            CreatedAt = now.AddMinutes(minutes),
            StartedAt = status == CalculationRunStatus.Running ? now.AddMinutes(minutes) : null,
            ParticipantsDone = status == CalculationRunStatus.Running ? 1 : 0,
            LeaseOwner = owner,
            LeaseExpiresAt = expires,
            Attempts = attempts,
        };

        // A: RUNNING on a node that died 5 minutes ago, with a partial (wrong) result of its own.
        var dead = Row(CalculationRunStatus.Running, "dead-node", now.AddMinutes(-5), 1, -10);
        // B: RUNNING on a node that is alive (its lease runs 30 more minutes).
        var held = Row(CalculationRunStatus.Running, "live-node", now.AddMinutes(30), 1, -9);
        // C: QUEUED on a node that died before its worker saw it: no node was ever told about it.
        var queued = Row(CalculationRunStatus.Queued, null, null, 0, -8);
        // D: taken over twice already, and its third holder died too.
        var doomed = Row(CalculationRunStatus.Running, "dead-node", now.AddMinutes(-5), 3, -7);
        await using (var db = fixture.CreateContext(tenant))
        {
            db.CalculationRuns.AddRange(dead, held, queued, doomed);
            db.CalculationResults.Add(new CalculationResult { RunId = dead.Id, ParticipantId = rep3, TenantId = tenant, Currency = "EUR", Earnings = 999m, Payout = 999m });
            await db.SaveChangesAsync();
        }

        await WaitAsync(tenant, queued.Id, CalculationRunStatus.Completed);
        await WaitAsync(tenant, dead.Id, CalculationRunStatus.Completed);
        await WaitAsync(tenant, doomed.Id, CalculationRunStatus.Failed);

        await using var check = fixture.CreateContext(tenant);
        // March at 5 % (CompWorld.WithMarchRunAsync): Rep 01 12,500.50 x 0.05 = 625.025 -> 625.03; Rep 02 4,000.00 x 0.05 = 200.00.
        // Rep 03's 999.00 was the dead node's partial result: cleared when the run was taken over.
        foreach (var run in new[] { dead.Id, queued.Id })
        {
            var payouts = await check.CalculationResults.Where(r => r.RunId == run).OrderBy(r => r.ParticipantId).Select(r => new { r.ParticipantId, r.Payout }).ToListAsync();
            Assert.Equal(
                new[] { (rep1, 625.03m), (rep2, 200.00m) }.OrderBy(p => p.Item1),
                payouts.Select(p => (p.ParticipantId, p.Payout)));
            // One commission line per participant (one component), each tracing its credits.
            Assert.Equal(2, await check.CalculationLines.CountAsync(l => l.RunId == run && l.Kind == "Commission"));
        }

        var taken = await check.CalculationRuns.SingleAsync(r => r.Id == dead.Id);
        Assert.Equal((2, 2, 2, (string?)null, (DateTimeOffset?)null), (taken.Attempts, taken.ParticipantsDone, taken.ParticipantsTotal, taken.LeaseOwner, taken.LeaseExpiresAt));
        Assert.Equal(1, (await check.CalculationRuns.SingleAsync(r => r.Id == queued.Id)).Attempts);

        // B was passed over by every poll (C, queued after it, is done): still the live node's, untouched.
        var stillHeld = await check.CalculationRuns.SingleAsync(r => r.Id == held.Id);
        Assert.Equal((CalculationRunStatus.Running, "live-node", 1, 1), (stillHeld.Status, stillHeld.LeaseOwner, stillHeld.Attempts, stillHeld.ParticipantsDone));
        Assert.False(await check.CalculationResults.AnyAsync(r => r.RunId == held.Id));

        var failed = await check.CalculationRuns.SingleAsync(r => r.Id == doomed.Id);
        Assert.StartsWith("RUN_ABANDONED: the node computing this run stopped responding 3 times", failed.Error, StringComparison.Ordinal);
        Assert.NotNull(failed.FinishedAt);
        Assert.Null(failed.LeaseOwner);
        Assert.False(await check.CalculationResults.AnyAsync(r => r.RunId == doomed.Id));
    }

    [Fact]
    public async Task A_node_that_lost_its_lease_writes_nothing_and_a_live_lease_is_renewed_by_its_holder()
    {
        var (world, _) = await CompWorld.WithMarchRunAsync(fixture);
        var tenant = world.Org.TenantId;
        await using var dataSource = Spm.Infrastructure.Persistence.SpmDataSource.Create(fixture.ConnectionString);
        var mine = new CalculationRunLeases.Policy("node-a", TimeSpan.FromMinutes(10), 3);
        var theirs = new CalculationRunLeases.Policy("node-b", TimeSpan.FromMinutes(10), 3);
        Spm.Domain.Organisation.Period march;
        await using (var db = fixture.CreateContext(tenant))
        {
            march = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == world.Months["2026-03"]);
        }

        // Written already held by node-a, as if node-a had just claimed it (the app's own worker never sees it as free).
        var run = CalculationRunExecutor.NewRun(tenant, march, CalculationRunKind.Regular, null, null, "test", DateTimeOffset.UtcNow);
        run.Status = CalculationRunStatus.Running;
        run.LeaseOwner = "node-a";
        run.LeaseExpiresAt = DateTimeOffset.UtcNow.AddMinutes(10);
        run.Attempts = 1;
        await using (var db = fixture.CreateContext(tenant))
        {
            db.CalculationRuns.Add(run);
            await db.SaveChangesAsync();
        }

        Assert.True(await CalculationRunLeases.RenewAsync(dataSource, mine, run.Id, CancellationToken.None));
        Assert.False(await CalculationRunLeases.RenewAsync(dataSource, theirs, run.Id, CancellationToken.None));
        // node-b may not claim it while node-a's lease runs.
        Assert.Null(await CalculationRunLeases.TryClaimAsync(dataSource, theirs, run.Id, DateTimeOffset.UtcNow, CancellationToken.None));

        // node-a stalled past its lease and node-b took the run over (written directly: the app's own worker would
        // otherwise race for the expired row); then node-a wakes up and finishes computing: the fence refuses it.
        await using (var db = fixture.CreateContext(tenant))
        {
            await db.CalculationRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, "node-b").SetProperty(r => r.Attempts, 2));
        }

        var claim = new CalculationRunLeases.Claim(tenant, run.Id, 2);
        var late = await CalculationRunExecutor.ExecuteAsync(dataSource, claim, mine, TimeProvider.System, null, CancellationToken.None);
        Assert.Equal((false, true), (late.Claimed, late.LeaseLost));
        await using (var db = fixture.CreateContext(tenant))
        {
            Assert.False(await db.CalculationResults.AnyAsync(r => r.RunId == run.Id));
            var row = await db.CalculationRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
            Assert.Equal(("node-b", CalculationRunStatus.Running), (row.LeaseOwner, row.Status));
        }

        // The holder completes it: 625.03 + 200.00 = 825.03 (see CompWorld.WithMarchRunAsync).
        var done = await CalculationRunExecutor.ExecuteAsync(dataSource, claim, theirs, TimeProvider.System, null, CancellationToken.None);
        Assert.True(done.Claimed);
        Assert.Equal(825.03m, done.PayoutByCurrency["EUR"]);
    }

    [Fact]
    public async Task The_holder_renews_its_lease_while_it_computes()
    {
        var (world, _) = await CompWorld.WithMarchRunAsync(fixture);
        var tenant = world.Org.TenantId;
        await using var dataSource = Spm.Infrastructure.Persistence.SpmDataSource.Create(fixture.ConnectionString);
        // A 6 s lease renewed every 2 s, and a computation that takes over 8 s (4 s after each of its two chunks): without
        // renewal the lease would run out mid-run and the app's own worker (polling every 200 ms) would take the run over.
        var lease = new CalculationRunLeases.Policy("slow-node", TimeSpan.FromSeconds(6), 3);
        Spm.Domain.Organisation.Period march;
        await using (var db = fixture.CreateContext(tenant))
        {
            march = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == world.Months["2026-03"]);
        }

        var run = CalculationRunExecutor.NewRun(tenant, march, CalculationRunKind.Regular, null, null, "test", DateTimeOffset.UtcNow);
        run.Status = CalculationRunStatus.Running;
        run.LeaseOwner = lease.Owner;
        run.LeaseExpiresAt = DateTimeOffset.UtcNow.Add(lease.Duration);
        run.Attempts = 1;
        await using (var db = fixture.CreateContext(tenant))
        {
            db.CalculationRuns.Add(run);
            await db.SaveChangesAsync();
        }

        var seen = new List<DateTimeOffset>();
        var outcome = await CalculationRunExecutor.ExecuteAsync(dataSource, new CalculationRunLeases.Claim(tenant, run.Id, 1), lease, TimeProvider.System, async (done, total) =>
        {
            await using var db = fixture.CreateContext(tenant);
            seen.Add((await db.CalculationRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id)).LeaseExpiresAt!.Value);
            await Task.Delay(TimeSpan.FromSeconds(4));
        }, CancellationToken.None);

        // Two chunks (two participants), 4 s apart: a renewal moved the expiry between them; the run is this node's to the end.
        Assert.Equal(2, seen.Count);
        Assert.True(seen[1] > seen[0], $"The lease was not renewed: {seen[0]:O} then {seen[1]:O}.");
        Assert.Equal((true, false), (outcome.Claimed, outcome.LeaseLost));
        Assert.Equal(825.03m, outcome.PayoutByCurrency["EUR"]);
    }

    private async Task WaitAsync(Guid tenant, Guid runId, CalculationRunStatus status)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = fixture.CreateContext(tenant);
            var run = await db.CalculationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            if (run.Status == status)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Run {runId} did not reach {status} within 60 s.");
    }
}
