using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Attainment;

public sealed class RecreditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Recredit = """
        mutation($input: RecreditSalesInput!) { recreditSales(input: $input) { salesExamined salesAdjusted dryRun
          adjustments { type adjustedType participant { name } reportingAmount { amount } postingDate reason } errors { code message field } } }
        """;

    // S-1 (10,000.00, North, split 60/40) first credits Rep 03 as North's owner: territory 10,000.00. North then passes to
    // Rep 02. Re-crediting March writes the pair: Rep 03 -10,000.00 and Rep 02 +10,000.00 (adjusted type TERRITORY).
    // Mona's roll-up sums the same direct, split and territory credits (20,000.00) and is not adjusted; nor is the team or
    // North. Rep 02's March attainment moves 4,000.00 -> 14,000.00, Rep 03's 10,000.00 -> 0.00.
    [Fact]
    public async Task Changing_a_territory_owner_and_recrediting_writes_the_adjustment_pair_once_and_moves_attainment()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        await world.RecordSplitSaleAsync();
        await ReassignNorthToRep2Async(world);

        var dry = await RunAsync(world, dryRun: true);
        Assert.Equal((1, 1, true), ((int)dry["salesExamined"]!, (int)dry["salesAdjusted"]!, (bool)dry["dryRun"]!));
        Assert.Equal(["Rep 02 TERRITORY 10000.00", "Rep 03 TERRITORY -10000.00"], Adjustments(dry));
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            Assert.Equal(0, await db.Credits.CountAsync(c => c.Type == "Adjustment"));
        }

        var run = await RunAsync(world, dryRun: false);
        Assert.Equal(["Rep 02 TERRITORY 10000.00", "Rep 03 TERRITORY -10000.00"], Adjustments(run));
        Assert.All(run["adjustments"]!.AsArray(), a => Assert.Equal("ADJUSTMENT", (string)a!["type"]!));
        Assert.All(run["adjustments"]!.AsArray(), a => Assert.Equal("2026-03-15", (string)a!["postingDate"]!));
        Assert.Equal("14000.00", await CreditedAsync(world, world.Rep(2), "FY2026-M03"));
        Assert.Equal("0.00", await CreditedAsync(world, world.Rep(3), "FY2026-M03"));
        Assert.Equal("20000.00", await CreditedAsync(world, world.Manager, "FY2026-M03"));

        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            // The original credits are untouched: 4 originals + 2 adjustments.
            Assert.Equal(6, await db.Credits.CountAsync());
            var outbox = await db.Outbox.OrderBy(o => o.Id).Select(o => o.Type).ToListAsync();
            Assert.Equal("credits.changed", outbox[^7]);
            // Rep 02 and Rep 03 in March, Q1 and FY2026 moved; the team, North and West did not.
            Assert.Equal(6, outbox.Skip(outbox.Count - 6).Count(t => t == "attainment.changed"));
            Assert.Single(await db.AuditLog.Where(a => a.Action == "sales.recredit").ToListAsync());
        }

        var again = await RunAsync(world, dryRun: false);
        Assert.Equal((1, 0), ((int)again["salesExamined"]!, (int)again["salesAdjusted"]!));
        Assert.Empty(again["adjustments"]!.AsArray());
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            Assert.Equal(6, await db.Credits.CountAsync());
        }
    }

    // With March locked, the adjustments may not post there: they post on the open posting date (today, outside every
    // locked range). March attainment stays as it was; the month of today moves instead.
    [Fact]
    public async Task Adjustments_of_a_locked_period_post_in_the_open_period()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        await world.RecordSplitSaleAsync();
        await ReassignNorthToRep2Async(world);
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO period_locks (tenant_id, period_id, locked_at) VALUES ({0}, {1}, now())", world.Org.TenantId, world.Periods["FY2026-M03"]);
        }

        var run = await RunAsync(world, dryRun: false);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(run["adjustments"]!.AsArray(), a => Assert.NotEqual("2026-03-15", (string)a!["postingDate"]!));
        Assert.All(run["adjustments"]!.AsArray(), a => Assert.True(DateOnly.Parse((string)a!["postingDate"]!, System.Globalization.CultureInfo.InvariantCulture) >= today.AddDays(-1)));
        Assert.Equal("4000.00", await CreditedAsync(world, world.Rep(2), "FY2026-M03"));
        Assert.Equal("10000.00", await CreditedAsync(world, world.Rep(3), "FY2026-M03"));
    }

    [Fact]
    public async Task A_reversed_range_is_a_user_error_naming_the_field_and_writes_nothing()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        var result = (await world.Admin.DataAsync(Recredit, new { input = new { closedFrom = "2026-03-31", closedTo = "2026-03-01" } }))["recreditSales"]!;
        var error = result["errors"]!.AsArray().Single()!;
        Assert.Equal(("VALIDATION", "closedTo"), ((string)error["code"]!, (string)error["field"]![1]!));
    }

    private static async Task ReassignNorthToRep2Async(AttainmentWorld world)
    {
        // Rep 03's assignment goes (any writer may change territories; the triggers invalidate every cache), Rep 02 takes North.
        var assignments = await world.Admin.DataAsync("query($id: ID!) { node(id: $id) { ... on Territory { assignments { id } } } }", new { id = world.Scenario.North });
        var id = (string)assignments["node"]!["assignments"]!.AsArray().Single()!["id"]!;
        var removed = await world.Admin.DataAsync("mutation($id: ID!) { unassignTerritoryParticipant(input: { assignmentId: $id }) { errors { code } } }", new { id });
        Assert.Empty(removed["unassignTerritoryParticipant"]!["errors"]!.AsArray());
        var assigned = await world.Admin.DataAsync(
            "mutation($input: AssignTerritoryParticipantInput!) { assignTerritoryParticipant(input: $input) { errors { code message } } }",
            new { input = new { territoryId = world.Scenario.North, participantId = world.Scenario.Rep(1), role = "PRIMARY", splitPercent = "100", effectiveFrom = "2025-01-01" } });
        Assert.Empty(assigned["assignTerritoryParticipant"]!["errors"]!.AsArray());
    }

    private static async Task<JsonNode> RunAsync(AttainmentWorld world, bool dryRun)
    {
        var result = (await world.Admin.DataAsync(Recredit, new { input = new { closedFrom = "2026-03-01", closedTo = "2026-03-31", dryRun } }))["recreditSales"]!;
        Assert.Empty(result["errors"]!.AsArray());
        return result;
    }

    private static List<string> Adjustments(JsonNode payload) =>
        [.. payload["adjustments"]!.AsArray().Select(a => $"{a!["participant"]!["name"]} {a["adjustedType"]} {a["reportingAmount"]!["amount"]}").Order(StringComparer.Ordinal)];

    private static async Task<string> CreditedAsync(AttainmentWorld world, string participant, string period) =>
        (string)(await world.Admin.DataAsync(AttainmentWorld.Query, new { p = participant, period = world.Period(period) }))["attainment"]!["credited"]!["amount"]!;
}
