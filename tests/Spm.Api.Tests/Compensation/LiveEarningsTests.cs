using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spm.Api.Features.Compensation;
using Spm.Api.Features.Live;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Live;
using Spm.Api.Tests.Sales;
using Spm.Domain.Compensation;
using Spm.Domain.Events;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Outbox;

namespace Spm.Api.Tests.Compensation;

/// <summary>
/// Live earnings end to end: recordSales commits credits, the dispatcher feeds them to the earnings cache, and the rep's
/// hub client (or subscription) receives <c>EarningsChanged</c> with the figures a calculation run would give.
/// </summary>
/// <remarks>
/// The plan used throughout (<see cref="TieredPlan"/>): marginal commission on direct and split credits, 10 % up to 100 %
/// attainment and 15 % above, against a March 2026 quota of 10,000.00 EUR for Rep 01.
/// Sale E-1, 5,000.00 on 2026-03-10: attainment 5,000 / 10,000 = 0.5; earnings 5,000.00 x 0.10 = 500.00.
/// Sale E-2, 7,000.00 on 2026-03-20: credited 12,000.00, attainment 1.2; the first 10,000.00 at 10 % = 1,000.00 and the
/// 2,000.00 above quota at 15 % = 300.00, so earnings 1,300.00, up 800.00.
/// </remarks>
public sealed class LiveEarningsTests(HubFixture hub) : IClassFixture<HubFixture>
{
    public const string TieredPlan = """
        { "currency": "EUR", "components": [
          { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL", "creditTypes": ["DIRECT", "SPLIT"],
            "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.10 }, { "from": 1, "rate": 0.15 } ] } ] } ] }
        """;

    [Fact]
    public async Task A_recorded_sale_moves_the_reps_earnings_live_and_a_second_sale_crosses_the_tier()
    {
        var world = await PaidWorldAsync();
        var rep = world.Org.RepIds[0];
        await using var connection = await hub.ConnectAsync(world.Org.TenantId, "rep", rep);
        using var inbox = new HubInbox<EarningsChange>(connection, nameof(ILiveClient.EarningsChanged));
        await connection.InvokeAsync(nameof(LiveHub.SubscribeEarnings), world.Rep(1));

        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("E-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var first = await inbox.NextAsync();
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("E-2", "7000.00", world.Rep(1), closeDate: "2026-03-20"));
        var second = await inbox.NextAsync();

        Assert.Equal(rep, first.ParticipantId);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (first.PeriodStart, first.PeriodEnd));
        Assert.Equal(world.Months["2026-03"], first.PeriodId);
        Assert.Equal("EUR", first.Currency);
        Assert.Equal((0m, 500.00m, 500.00m), (first.PreviousEarnings, first.Earnings, first.Delta));
        Assert.Equal(0.5m, first.Attainment);
        Assert.Equal("E-1", first.SaleExternalId);
        Assert.NotNull(first.CreditId);
        Assert.Equal((500.00m, 1300.00m, 800.00m), (second.PreviousEarnings, second.Earnings, second.Delta));
        Assert.Equal(1.2m, second.Attainment);
        Assert.Equal("E-2", second.SaleExternalId);

        // The live figure is the statement a calculation run writes over the same credits.
        var runId = await world.RunAsync("2026-03");
        var statement = (await world.Admin.DataAsync(
            "query($p: ID!, $r: ID!) { statement(participantId: $p, runId: $r) { earnings { amount } } }",
            new { p = world.Rep(1), r = runId }))["statement"]!;
        Assert.Equal(1300.00m, decimal.Parse(statement["earnings"]!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_amended_sale_moves_earnings_by_the_difference()
    {
        var world = await PaidWorldAsync();
        await using var connection = await hub.ConnectAsync(world.Org.TenantId, "rep", world.Org.RepIds[0]);
        using var inbox = new HubInbox<EarningsChange>(connection, nameof(ILiveClient.EarningsChanged));
        await connection.InvokeAsync(nameof(LiveHub.SubscribeEarnings), world.Org.RepIds[0].ToString());

        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("A-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var recorded = await inbox.NextAsync();
        var amended = await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("A-1", "6000.00", world.Rep(1), closeDate: "2026-03-10"));
        var moved = await inbox.NextAsync();

        Assert.Equal("AMENDED", amended["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.Equal(500.00m, recorded.Earnings);
        // Revision 2 reverses the 5,000.00 credit and credits 6,000.00: 6,000.00 x 0.10 = 600.00, attainment 0.6.
        Assert.Equal((500.00m, 600.00m, 0.6m), (moved.PreviousEarnings, moved.Earnings, moved.Attainment));
    }

    [Fact]
    public async Task Only_the_participant_their_manager_finance_and_admin_may_follow_earnings()
    {
        var world = await PaidWorldAsync();
        await using var otherRep = await hub.ConnectAsync(world.Org.TenantId, "rep", world.Org.RepIds[1]);
        await using var manager = await hub.ConnectAsync(world.Org.TenantId, "manager", world.Org.ManagerId);
        await using var finance = await hub.ConnectAsync(world.Org.TenantId, "finance", world.FinanceId);
        await using var partner = await hub.ConnectAsync(world.Org.TenantId, "partner");
        using var managerInbox = new HubInbox<EarningsChange>(manager, nameof(ILiveClient.EarningsChanged));

        var refused = await Assert.ThrowsAsync<HubException>(() => otherRep.InvokeAsync(nameof(LiveHub.SubscribeEarnings), world.Rep(1)));
        Assert.Contains("visible to the participant, their managers, finance and admin", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => partner.InvokeAsync(nameof(LiveHub.SubscribeEarnings), world.Rep(1)));
        await manager.InvokeAsync(nameof(LiveHub.SubscribeEarnings), world.Rep(1));
        await finance.InvokeAsync(nameof(LiveHub.SubscribeEarnings), world.Rep(1));

        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("M-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        Assert.Equal(500.00m, (await managerInbox.NextAsync()).Earnings);
    }

    [Fact]
    public async Task A_redelivered_batch_counts_once_and_the_next_batch_continues_from_it()
    {
        var world = await PaidWorldAsync();
        var tenant = world.Org.TenantId;
        var consumer = new LiveEarningsConsumer(hub.App.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System);
        var start = await LastOutboxIdAsync(tenant);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("R-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var firstBatch = await OutboxAfterAsync(tenant, start);
        var afterFirst = firstBatch[^1].Position;

        var applied = await consumer.ApplyAsync(tenant, start, afterFirst, firstBatch, default);
        // The dispatcher failed to move its cursor, say: the same batch comes again from the same position.
        var again = await consumer.ApplyAsync(tenant, start, afterFirst, firstBatch, default);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("R-2", "7000.00", world.Rep(1), closeDate: "2026-03-20"));
        var secondBatch = await OutboxAfterAsync(tenant, afterFirst);
        var next = await consumer.ApplyAsync(tenant, afterFirst, secondBatch[^1].Position, secondBatch, default);

        var rep = world.Org.RepIds[0];
        Assert.Equal(500.00m, applied.Single(c => c.ParticipantId == rep).Earnings);
        // Rebuilt from the database, not added on top: still 500.00, not 1,000.00.
        Assert.Equal(500.00m, again.Single(c => c.ParticipantId == rep).Earnings);
        Assert.Equal((500.00m, 1300.00m), next.Where(c => c.ParticipantId == rep).Select(c => (c.PreviousEarnings, c.Earnings)).Single());
    }

    [Fact]
    public async Task A_costly_participant_is_recalculated_at_most_once_per_interval_and_what_waited_goes_out_when_due()
    {
        var paced = await PacedTwoSalesAsync("H");
        Assert.Equal(500.00m, paced.First.Single(c => c.ParticipantId == paced.Rep).Earnings);

        // Within the interval: held, nothing pushed, due one interval after the last recalculation.
        Assert.DoesNotContain(paced.Second, c => c.ParticipantId == paced.Rep);
        Assert.Equal(paced.Clock.GetUtcNow().AddSeconds(1), paced.Consumer.NextDue(paced.Tenant));
        Assert.Empty(await paced.Consumer.FlushAsync(paced.Tenant, paced.Cursor));

        // Due: one push with the total, from the figure last pushed, naming the last sale.
        paced.Clock.Now += TimeSpan.FromSeconds(1);
        var flushed = await paced.Consumer.FlushAsync(paced.Tenant, paced.Cursor);
        Assert.Equal((500.00m, 1300.00m, "H-2"), flushed.Where(c => c.ParticipantId == paced.Rep).Select(c => (c.PreviousEarnings, c.Earnings, c.SaleExternalId)).Single());
        Assert.Null(paced.Consumer.NextDue(paced.Tenant));
    }

    [Fact]
    public async Task Held_earnings_are_dropped_not_pushed_when_another_node_moved_the_cursor_meanwhile()
    {
        var paced = await PacedTwoSalesAsync("G");

        // The cursor stands further on than this node's cache: its held figure could be older than one already pushed.
        paced.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Empty(await paced.Consumer.FlushAsync(paced.Tenant, paced.Cursor + 5));
        Assert.Equal(0, paced.Consumer.CachedCount(paced.Tenant));
    }

    [Fact]
    public async Task A_batch_that_skips_what_another_node_applied_rebuilds_instead_of_missing_it()
    {
        var world = await PaidWorldAsync();
        var tenant = world.Org.TenantId;
        var consumer = new LiveEarningsConsumer(hub.App.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System);
        var start = await LastOutboxIdAsync(tenant);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("K-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var firstBatch = await OutboxAfterAsync(tenant, start);
        await consumer.ApplyAsync(tenant, start, firstBatch[^1].Position, firstBatch, default);
        // Another node applies K-2; this node sees only K-3, from that node's cursor.
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("K-2", "3000.00", world.Rep(1), closeDate: "2026-03-12"));
        var skipped = await OutboxAfterAsync(tenant, firstBatch[^1].Position);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("K-3", "4000.00", world.Rep(1), closeDate: "2026-03-14"));
        var third = await OutboxAfterAsync(tenant, skipped[^1].Position);

        var changes = await consumer.ApplyAsync(tenant, skipped[^1].Position, third[^1].Position, third, default);

        // Rebuilt from PostgreSQL without K-3's rows, then K-3 applied: 8,000.00 x 0.10 = 800.00 before,
        // 12,000.00 credited after: 1,000.00 + 2,000.00 x 0.15 = 1,300.00.
        var change = changes.Single(c => c.ParticipantId == world.Org.RepIds[0]);
        Assert.Equal((800.00m, 1300.00m, "K-3"), (change.PreviousEarnings, change.Earnings, change.SaleExternalId));
    }

    /// <summary>
    /// L-1 (5,000.00) and L-2 (3,000.00) are both committed before the node applies L-1's batch. The rep's first build
    /// reads a snapshot that already holds L-2 (but not L-1, which the batch applies): 3,000.00 x 0.10 = 300.00 before,
    /// and with L-1 8,000.00 x 0.10 = 800.00 after. L-2's own batch, arriving next, is already in that figure and moves
    /// nothing; counted twice it would make 11,000.00 credited: 1,000.00 + 1,000.00 x 0.15 = 1,150.00.
    /// </summary>
    [Fact]
    public async Task Events_already_in_a_builds_snapshot_are_skipped_when_their_batch_arrives()
    {
        var world = await PaidWorldAsync();
        var tenant = world.Org.TenantId;
        var rep = world.Org.RepIds[0];
        var consumer = new LiveEarningsConsumer(hub.App.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System);
        var start = await LastOutboxIdAsync(tenant);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("L-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var firstBatch = await OutboxAfterAsync(tenant, start);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("L-2", "3000.00", world.Rep(1), closeDate: "2026-03-12"));
        var secondBatch = await OutboxAfterAsync(tenant, firstBatch[^1].Position);

        var first = await consumer.ApplyAsync(tenant, start, firstBatch[^1].Position, firstBatch, default);
        var second = await consumer.ApplyAsync(tenant, firstBatch[^1].Position, secondBatch[^1].Position, secondBatch, default);

        var change = first.Single(c => c.ParticipantId == rep);
        Assert.Equal((300.00m, 800.00m, "L-1"), (change.PreviousEarnings, change.Earnings, change.SaleExternalId));
        Assert.DoesNotContain(second, c => c.ParticipantId == rep);
    }

    /// <summary>
    /// Pacing by cost: a 1 ms recalculation at a 2 % share would allow one every 50 ms, so the 250 ms interval holds;
    /// 10 ms / 0.02 = 500 ms; 30 ms / 0.02 = 1.5 s.
    /// </summary>
    [Theory]
    [InlineData(1, 250)]
    [InlineData(10, 500)]
    [InlineData(30, 1500)]
    public void A_costly_recalculation_spaces_the_next_one_by_its_cost(int costMs, int spacingMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(spacingMs), LiveEarningsConsumer.Spacing(TimeSpan.FromMilliseconds(costMs), TimeSpan.FromMilliseconds(250), 0.02));

    [Fact]
    public async Task Opening_a_dispute_tells_the_rep_live_and_finance_following_all_disputes()
    {
        var world = await PaidWorldAsync();
        var rep = world.Org.RepIds[0];
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("D-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        Guid creditId;
        await using (var db = hub.Database.CreateContext(world.Org.TenantId))
        {
            creditId = await db.Credits.Where(c => c.ParticipantId == rep).Select(c => c.Id).SingleAsync();
        }

        await using var repConnection = await hub.ConnectAsync(world.Org.TenantId, "rep", rep);
        await using var finance = await hub.ConnectAsync(world.Org.TenantId, "finance", world.FinanceId);
        await using var otherRep = await hub.ConnectAsync(world.Org.TenantId, "rep", world.Org.RepIds[1]);
        using var repInbox = new HubInbox<DisputeChanged>(repConnection, nameof(ILiveClient.DisputeChanged));
        using var financeInbox = new HubInbox<DisputeChanged>(finance, nameof(ILiveClient.DisputeChanged));
        await repConnection.InvokeAsync(nameof(LiveHub.SubscribeEarnings), world.Rep(1));
        await finance.InvokeAsync(nameof(LiveHub.SubscribeDisputes));
        await Assert.ThrowsAsync<HubException>(() => otherRep.InvokeAsync(nameof(LiveHub.SubscribeDisputes)));

        var opened = (await world.Person(hub.Database, "rep", rep).DataAsync(
            "mutation($c: ID!) { openDispute(input: { creditId: $c, description: \"The E-1 deal was mine alone\" }) { dispute { id status } errors { code message } } }",
            new { c = creditId.ToString() }))["openDispute"]!;
        Assert.Empty(opened["errors"]!.AsArray());

        var seenByRep = await repInbox.NextAsync();
        var seenByFinance = await financeInbox.NextAsync();
        Assert.Equal((rep, "Open"), (seenByRep.ParticipantId, seenByRep.Status));
        Assert.Equal(seenByRep.DisputeId, seenByFinance.DisputeId);
    }

    /// <summary>
    /// R-1 (5,000.00 on 2026-03-10) pays 500.00. A dispute on its credit is resolved with an adjustment of 100.00 EUR,
    /// paid in March (the disputed month, still open), so March's statement gains a 100.00 award line. R-2 (7,000.00
    /// on 2026-03-20) then moves earnings from 600.00 (500.00 + 100.00) by its 800.00 (as E-2 in the class remarks) to
    /// 1,400.00. A cache that kept the adjustments it read before the resolution would start from 500.00 instead. The
    /// test drives a consumer of its own, batch by batch, as one node's dispatcher would: the fixture's nodes share
    /// the tenant, and one of them taking a batch would rebuild from scratch and hide a stale cache.
    /// </summary>
    [Fact]
    public async Task A_dispute_resolved_with_an_adjustment_is_in_the_next_live_figure()
    {
        var world = await PaidWorldAsync();
        var tenant = world.Org.TenantId;
        var rep = world.Org.RepIds[0];
        var consumer = new LiveEarningsConsumer(hub.App.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System);
        var start = await LastOutboxIdAsync(tenant);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("R-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var sale = await OutboxAfterAsync(tenant, start);
        var first = await consumer.ApplyAsync(tenant, start, sale[^1].Position, sale, default);
        Guid creditId;
        await using (var db = hub.Database.CreateContext(tenant))
        {
            creditId = await db.Credits.Where(c => c.ParticipantId == rep).Select(c => c.Id).SingleAsync();
        }

        var opened = (await world.Person(hub.Database, "rep", rep).DataAsync(
            "mutation($c: ID!) { openDispute(input: { creditId: $c, description: \"R-1 was booked at the wrong rate\" }) { dispute { id } errors { code } } }",
            new { c = creditId.ToString() }))["openDispute"]!;
        Assert.Empty(opened["errors"]!.AsArray());
        var resolved = (await world.Admin.DataAsync(
            "mutation($d: ID!) { resolveDispute(input: { disputeId: $d, resolution: \"Rate corrected\", adjustmentAmount: \"100.00\" }) { errors { code message } } }",
            new { d = opened["dispute"]!["id"]!.GetValue<string>() }))["resolveDispute"]!;
        Assert.Empty(resolved["errors"]!.AsArray());
        var disputes = await OutboxAfterAsync(tenant, sale[^1].Position);
        await consumer.ApplyAsync(tenant, sale[^1].Position, disputes[^1].Position, disputes, default);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("R-2", "7000.00", world.Rep(1), closeDate: "2026-03-20"));
        var next = await OutboxAfterAsync(tenant, disputes[^1].Position);
        var second = (await consumer.ApplyAsync(tenant, disputes[^1].Position, next[^1].Position, next, default)).Single(c => c.ParticipantId == rep);

        Assert.Equal(500.00m, first.Single(c => c.ParticipantId == rep).Earnings);
        Assert.Equal((600.00m, 1400.00m, 800.00m), (second.PreviousEarnings, second.Earnings, second.Delta));
        Assert.Equal("R-2", second.SaleExternalId);
    }

    [Fact]
    public async Task Subscriptions_earningsChanged_and_disputeChanged_carry_the_same_figures_and_refuse_other_reps()
    {
        var world = await PaidWorldAsync();
        var rep = world.Org.RepIds[0];
        await using var socket = await SocketAsync(world.Org.TenantId, "rep", rep);
        await using var other = await SocketAsync(world.Org.TenantId, "rep", world.Org.RepIds[1]);
        var bus = hub.App.Services.GetRequiredService<LiveBus>();
        var listening = bus.ListenerCount;

        await socket.SubscribeAsync("1", $$"""subscription { earningsChanged(participantId: "{{world.Rep(1)}}") { participantId earnings { amount currency } previousEarnings { amount } delta { amount } attainment saleExternalId } }""");
        await socket.SubscribeAsync("2", "subscription { disputeChanged { status participantId } }");
        await other.SubscribeAsync("1", $$"""subscription { earningsChanged(participantId: "{{world.Rep(1)}}") { earnings { amount } } }""");
        var refused = await other.ReceiveAsync();
        await UntilAsync(() => bus.ListenerCount >= listening + 2);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("G-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var earnings = Data(await socket.ReceiveAsync())["earningsChanged"]!;

        Assert.Equal("ACCESS_DENIED", Errors(refused)["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(world.Rep(1), earnings["participantId"]!.GetValue<string>());
        Assert.Equal(("500.00", "EUR"), (earnings["earnings"]!["amount"]!.GetValue<string>(), earnings["earnings"]!["currency"]!.GetValue<string>()));
        Assert.Equal("0", earnings["previousEarnings"]!["amount"]!.GetValue<string>());
        Assert.Equal("500.00", earnings["delta"]!["amount"]!.GetValue<string>());
        Assert.Equal("0.5", earnings["attainment"]!.GetValue<string>());
        Assert.Equal("G-1", earnings["saleExternalId"]!.GetValue<string>());

        Guid creditId;
        await using (var db = hub.Database.CreateContext(world.Org.TenantId))
        {
            creditId = await db.Credits.Where(c => c.ParticipantId == rep).Select(c => c.Id).SingleAsync();
        }

        var opened = (await world.Person(hub.Database, "rep", rep).DataAsync(
            "mutation($c: ID!) { openDispute(input: { creditId: $c, description: \"Wrong product rate\" }) { errors { code } } }",
            new { c = creditId.ToString() }))["openDispute"]!;
        Assert.Empty(opened["errors"]!.AsArray());
        var dispute = await socket.ReceiveAsync();
        Assert.Equal("2", dispute["id"]!.GetValue<string>());
        Assert.Equal("OPEN", Data(dispute)["disputeChanged"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_calculation_run_reports_progress_to_its_hub_followers_until_it_completes()
    {
        var world = await PaidWorldAsync();
        var tenant = world.Org.TenantId;
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("P-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var planId = await world.PublishedPlanAsync("Second", TieredPlan);
        await world.AssignAsync(planId, world.Rep(2));
        // Workers poll for queued runs, so the run is written as held by a node that then "dies": its lease runs out
        // after a few seconds, the follower is in by then, and the app's worker takes the run over and computes it.
        Guid runId;
        await using (var db = hub.Database.CreateContext(tenant))
        {
            var period = await db.Periods.SingleAsync(p => p.Id == world.Months["2026-03"]);
            var run = CalculationRunExecutor.NewRun(tenant, period, CalculationRunKind.Regular, null, null, "test", DateTimeOffset.UtcNow);
            db.CalculationRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE calculation_runs SET status = 'Running', lease_owner = 'a-node-that-died', lease_expires_at = now() + interval '5 seconds', attempts = 1 WHERE id = {0}",
                runId);
        }

        await using var admin = await hub.ConnectAsync(tenant, "finance", world.FinanceId);
        using var inbox = new HubInbox<CalculationRunProgress>(admin, nameof(ILiveClient.CalculationRunProgress));
        var now = await admin.InvokeAsync<CalculationRunProgress>(nameof(LiveHub.SubscribeCalculationRun), runId.ToString());
        await using var rep = await hub.ConnectAsync(tenant, "rep", world.Org.RepIds[0]);
        await Assert.ThrowsAnyAsync<Exception>(() => rep.InvokeAsync<CalculationRunProgress>(nameof(LiveHub.SubscribeCalculationRun), runId.ToString()));
        hub.App.Services.GetRequiredService<CalculationRunInbox>().Enqueue(tenant, runId);

        var pushes = new List<CalculationRunProgress>();
        do
        {
            pushes.Add(await inbox.NextAsync());
        }
        while (pushes[^1].Status is not (CalculationRunStatus.Completed or CalculationRunStatus.Failed));

        Assert.Equal((CalculationRunStatus.Running, 0), (now.Status, now.ParticipantsDone));
        // No attempt failed and went back to the queue (its push would say why).
        Assert.True(pushes.All(p => p.Status != CalculationRunStatus.Queued), string.Join("; ", pushes.Where(p => p.Error is not null).Select(p => $"{p.Status}: {p.Error}")));
        // Two participants on plans, so two chunks of one: 1 of 2, 2 of 2, then COMPLETED.
        Assert.Equal([(1, 2), (2, 2)], pushes.Where(p => p.Status == CalculationRunStatus.Running).Select(p => (p.ParticipantsDone, p.ParticipantsTotal)));
        Assert.Equal((CalculationRunStatus.Completed, 2, 2), (pushes[^1].Status, pushes[^1].ParticipantsDone, pushes[^1].ParticipantsTotal));
    }

    /// <summary>
    /// A consumer that paces everyone (one credit is enough to count as costly) at 1 s on a clock the test moves, fed
    /// two sales of Rep 01 (5,000.00 then 7,000.00), one batch each; the second lands within the interval.
    /// </summary>
    private async Task<Paced> PacedTwoSalesAsync(string prefix)
    {
        var world = await PaidWorldAsync();
        var tenant = world.Org.TenantId;
        var clock = new Spm.Api.Tests.Contests.ManualClock(DateTimeOffset.UtcNow);
        var consumer = new LiveEarningsConsumer(hub.App.Services.GetRequiredService<NpgsqlDataSource>(), clock, options: Microsoft.Extensions.Options.Options.Create(new OutboxDispatcherOptions { EarningsInterval = TimeSpan.FromSeconds(1), EarningsImmediateBelow = 1 }));
        var start = await LastOutboxIdAsync(tenant);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale($"{prefix}-1", "5000.00", world.Rep(1), closeDate: "2026-03-10"));
        var first = await OutboxAfterAsync(tenant, start);
        var firstChanges = await consumer.ApplyAsync(tenant, start, first[^1].Position, first, default);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale($"{prefix}-2", "7000.00", world.Rep(1), closeDate: "2026-03-20"));
        var second = await OutboxAfterAsync(tenant, first[^1].Position);
        var secondChanges = await consumer.ApplyAsync(tenant, first[^1].Position, second[^1].Position, second, default);
        return new Paced(tenant, world.Org.RepIds[0], clock, consumer, second[^1].Position, firstChanges, secondChanges);
    }

    private sealed record Paced(Guid Tenant, Guid Rep, Spm.Api.Tests.Contests.ManualClock Clock, LiveEarningsConsumer Consumer, long Cursor, IReadOnlyList<EarningsChange> First, IReadOnlyList<EarningsChange> Second);

    /// <summary>CompWorld with <see cref="TieredPlan"/> assigned to Rep 01 and a March quota of 10,000.00 EUR.</summary>
    private async Task<CompWorld> PaidWorldAsync()
    {
        var world = await CompWorld.CreateAsync(hub.Database);
        await using (var db = hub.Database.CreateContext(world.Org.TenantId))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO quotas (id, tenant_id, period_id, subject_kind, participant_id, type, amount, currency, is_overlay, status, updated_at) VALUES ({0}, {1}, {2}, 'Participant', {3}, 'Revenue', 10000.00, 'EUR', false, 'Approved', now())",
                Guid.CreateVersion7(), world.Org.TenantId, world.Months["2026-03"], world.Org.RepIds[0]);
        }

        var plan = await world.PublishedPlanAsync("AE tiered", TieredPlan);
        await world.AssignAsync(plan, world.Rep(1));
        return world;
    }

    private async Task<long> LastOutboxIdAsync(Guid tenantId)
    {
        await using var db = hub.Database.CreateContext(tenantId);
        return await db.Outbox.Where(o => o.TenantId == tenantId).MaxAsync(o => o.Position) ?? 0;
    }

    private async Task<List<OutboxEnvelope>> OutboxAfterAsync(Guid tenantId, long after)
    {
        await using var db = hub.Database.CreateContext(tenantId);
        var rows = await db.Outbox.Where(o => o.TenantId == tenantId && o.Position > after).OrderBy(o => o.Position).ToListAsync();
        return [.. rows.Select(r => new OutboxEnvelope(r.Position!.Value, r.TenantId, (IOutboxEvent)JsonSerializer.Deserialize(r.Payload, EventCatalog.Types[r.Type], OutboxWriter.Json)!))];
    }

    private async Task<GraphQLWebSocket> SocketAsync(Guid tenantId, string role, Guid participant)
    {
        var headers = new Dictionary<string, string> { ["X-Test-Tenant"] = tenantId.ToString(), ["X-Test-Role"] = role, ["X-Test-Participant"] = participant.ToString() };
        var socket = await GraphQLWebSocket.ConnectAsync(hub.App, [], headers);
        Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        return socket;
    }

    private static JsonNode Data(JsonNode message)
    {
        Assert.True(message["type"]!.GetValue<string>() == "next", message.ToJsonString());
        return message["payload"]!["data"]!;
    }

    private static JsonNode Errors(JsonNode message) =>
        (message["type"]!.GetValue<string>() == "error" ? message["payload"]!.AsArray() : message["payload"]!["errors"]!.AsArray())[0]!;

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition never held");
    }
}
