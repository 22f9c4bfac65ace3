using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Events;
using Spm.Infrastructure.Outbox;

namespace Spm.Api.Tests.Live;

/// <summary>The outbox dispatcher end to end: recordSales commits, NOTIFY wakes it, projections see each event once.</summary>
public sealed class DispatcherTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string RecordSales = """
        mutation($sales: [SaleInput!]!) { recordSales(input: { sales: $sales }) { results { outcome } errors { code message field } } }
        """;

    [Fact]
    public async Task A_recorded_sale_reaches_every_projection_once_in_outbox_order_and_is_celebrated_by_name()
    {
        await using var node = new DispatcherNode(fixture);
        var (org, admin) = await SetUpAsync(node);
        await RecordAsync(admin, Sale("D-1", "1000.00", org.RepIds[0]), Sale("D-2", "250.00", org.RepIds[1]));
        await LogCallAsync(admin, org.RepIds[2]);

        // sale.recorded + credits.changed per sale, plus one activity.logged.
        await DispatcherNode.EventuallyAsync(() => node.Projection.Of(org.TenantId).Count >= 5);
        await Task.Delay(500);
        var seen = node.Projection.Of(org.TenantId);
        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.Count, seen.Select(e => e.Event.EventId).Distinct().Count());
        Assert.Equal(seen.Select(e => e.Position).Order(), seen.Select(e => e.Position));
        Assert.Equal(2, seen.Count(e => e.Event is SaleRecorded));
        Assert.Equal(2, seen.Count(e => e.Event is CreditsChanged));
        Assert.Single(seen, e => e.Event is ActivityLogged);

        var celebrations = node.Notifier.Celebrations.Where(c => c.TenantId == org.TenantId).OrderBy(c => c.ReportingAmount).ToList();
        Assert.Equal([("Rep 02", 250.00m), ("Rep 01", 1000.00m)], celebrations.Select(c => (c.ParticipantName, c.ReportingAmount)));
        Assert.Contains(node.Notifier.Boards, b => b.TenantId == org.TenantId);

        await using var db = fixture.CreateContext(org.TenantId);
        var last = await db.Outbox.MaxAsync(o => o.Position);
        Assert.Equal(last, await CursorAsync(org.TenantId));
    }

    [Fact]
    public async Task Two_nodes_on_one_database_apply_each_event_exactly_once_between_them()
    {
        await using var first = new DispatcherNode(fixture);
        await using var second = new DispatcherNode(fixture);
        var (org, admin) = await SetUpAsync(first);
        var other = second.ClientFor(org.TenantId, "admin");
        for (var i = 0; i < 10; i++)
        {
            await RecordAsync(i % 2 == 0 ? admin : other, Sale($"N-{i}", "100.00", org.RepIds[i % 3]));
        }

        await using var db = fixture.CreateContext(org.TenantId);
        var expected = await db.Outbox.CountAsync();
        Assert.Equal(20, expected);
        await DispatcherNode.EventuallyAsync(() => first.Projection.Of(org.TenantId).Count + second.Projection.Of(org.TenantId).Count >= expected);
        await Task.Delay(500);
        var all = first.Projection.Of(org.TenantId).Concat(second.Projection.Of(org.TenantId)).ToList();
        Assert.Equal(expected, all.Count);
        Assert.Equal(expected, all.Select(e => e.Position).Distinct().Count());
    }

    [Fact]
    public async Task While_a_projection_fails_the_cursor_stays_and_every_event_arrives_once_it_recovers()
    {
        var failing = true;
        Guid? tenant = null;
        await using var node = new DispatcherNode(fixture, t => failing && t == tenant);
        var (org, admin) = await SetUpAsync(node);
        tenant = org.TenantId;
        await RecordAsync(admin, Sale("F-1", "300.00", org.RepIds[0]));
        await DispatcherNode.EventuallyAsync(() => node.Projection.Failures >= 3);
        Assert.True(node.Projection.Failures >= 3, "the dispatcher retries a failing batch");
        Assert.Empty(node.Projection.Of(org.TenantId));
        Assert.Equal(0, await CursorAsync(org.TenantId));

        failing = false;
        await DispatcherNode.EventuallyAsync(() => node.Projection.Of(org.TenantId).Count >= 2);
        Assert.Equal(2, node.Projection.Of(org.TenantId).Count);
        await using var db = fixture.CreateContext(org.TenantId);
        await DispatcherNode.EventuallyAsync(() => CursorAsync(org.TenantId).Result > 0);
        Assert.Equal(await db.Outbox.MaxAsync(o => o.Position), await CursorAsync(org.TenantId));
    }

    [Fact]
    public async Task A_writer_that_took_its_ids_first_but_commits_last_is_still_dispatched_after_the_one_that_committed_first()
    {
        // The bug this guards against: ids are taken at insert and seen at commit, so a cursor over ids passed the
        // early writer's row while it was still running and never came back for it.
        await using var node = new DispatcherNode(fixture);
        var (org, _) = await SetUpAsync(node);
        await using var early = await OpenAsync();
        await using var earlyTransaction = await early.BeginTransactionAsync();
        await OutboxWriter.WriteAsync(early, earlyTransaction, org.TenantId, [Call(org)], default);

        await using (var late = await OpenAsync())
        await using (var lateTransaction = await late.BeginTransactionAsync())
        {
            await OutboxWriter.WriteAsync(late, lateTransaction, org.TenantId, [Call(org), Call(org)], default);
            await OutboxWriter.NotifyAsync(late, lateTransaction, org.TenantId, default);
            await lateTransaction.CommitAsync();
        }

        await DispatcherNode.EventuallyAsync(() => node.Projection.Of(org.TenantId).Count >= 2);
        Assert.Equal(2, node.Projection.Of(org.TenantId).Count);
        await OutboxWriter.NotifyAsync(early, earlyTransaction, org.TenantId, default);
        await earlyTransaction.CommitAsync();
        await DispatcherNode.EventuallyAsync(() => node.Projection.Of(org.TenantId).Count >= 3);
        await Task.Delay(300);

        // Positions follow commit order (1, 2 for the late writer's rows, 3 for the early one's) although ids do not.
        var seen = node.Projection.Of(org.TenantId);
        Assert.Equal([1L, 2L, 3L], seen.Select(e => e.Position));
        await using var db = fixture.CreateContext(org.TenantId);
        var rows = await db.Outbox.Where(o => o.TenantId == org.TenantId).OrderBy(o => o.Id).Select(o => o.Position).ToListAsync();
        Assert.Equal([3L, 1L, 2L], rows);
        Assert.Equal(3, await CursorAsync(org.TenantId));
    }

    [Fact]
    public async Task Rows_of_a_rolled_back_writer_never_get_a_position_and_leave_no_gap()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        await using (var connection = await OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await OutboxWriter.WriteAsync(connection, transaction, org.TenantId, [Call(org)], default);
            await transaction.RollbackAsync();
        }

        await using (var connection = await OpenAsync())
        {
            // No explicit transaction: the statement's own commit numbers it.
            await OutboxWriter.WriteAsync(connection, null, org.TenantId, [Call(org), Call(org)], default);
        }

        await using var db = fixture.CreateContext(org.TenantId);
        var positions = await db.Outbox.Where(o => o.TenantId == org.TenantId).OrderBy(o => o.Id).Select(o => o.Position).ToListAsync();
        Assert.Equal([1L, 2L], positions);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static ActivityLogged Call(TestData.SmallTenant org) =>
        new(Guid.NewGuid(), org.TenantId, DateTimeOffset.UtcNow, Guid.NewGuid(), org.RepIds[0], "CALL", DateTimeOffset.UtcNow, null, null);

    internal static object Sale(string externalId, string amount, Guid owner, string closeDate = "2026-03-15") =>
        new { source = "crm", externalId, amount, currency = "EUR", closeDate, ownerParticipantId = GlobalId.Encode("Participant", owner) };

    internal static async Task RecordAsync(HttpClient client, params object[] sales)
    {
        var result = (await client.DataAsync(RecordSales, new { sales }))["recordSales"]!;
        Assert.Empty(result["errors"]!.AsArray());
    }

    private static async Task LogCallAsync(HttpClient admin, Guid participant)
    {
        var result = await admin.DataAsync(
            "mutation($a: [ActivityInput!]!) { logActivities(input: { activities: $a }) { errors { code message } } }",
            new { a = new[] { new { source = "crm", externalId = $"call-{Guid.NewGuid():N}", kind = "CALL", participantId = GlobalId.Encode("Participant", participant), occurredAt = "2026-03-15T10:00:00Z" } } });
        Assert.Empty(((JsonArray)result["logActivities"]!["errors"]!));
    }

    private async Task<(TestData.SmallTenant Org, HttpClient Admin)> SetUpAsync(DispatcherNode node)
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 3);
        var admin = node.ClientFor(org.TenantId, "admin");
        var rules = await admin.DataAsync(
            """
            mutation { setCreditingRules(input: { rules: [
              { name: "owner", kind: DIRECT, order: 10, effectiveFrom: "2026-01-01" },
              { name: "managers", kind: ROLLUP, order: 30, effectiveFrom: "2026-01-01" } ] }) { errors { code } } }
            """);
        Assert.Empty(rules["setCreditingRules"]!["errors"]!.AsArray());
        return (org, admin);
    }

    private async Task<long> CursorAsync(Guid tenantId)
    {
        await using var db = fixture.CreateContext(tenantId);
        return await db.Set<Spm.Infrastructure.Live.OutboxCursor>().Where(c => c.TenantId == tenantId).Select(c => c.LastId).FirstOrDefaultAsync();
    }
}
