using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Attainment;

public sealed class AttainmentTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    // S-1, 10,000.00 EUR on 2026-03-15 in North, split 60/40 Rep 01 / Rep 02, Rep 03 owns North:
    //   direct Rep 01 6,000.00; split Rep 02 4,000.00; territory Rep 03 10,000.00 (North);
    //   roll-up Mona = Rep 01 + Rep 02 + Rep 03 = 20,000.00 (direct, split and territory credits under her).
    // Quotas for March (approved): Rep 01 12,000 -> 6,000 / 12,000 = 50.00 %; Rep 02 15,000 -> 4,000 / 15,000 = 26.666.. = 26.67 %;
    //   Rep 03 none -> null; Mona 50,000 -> 20,000 / 50,000 = 40.00 %; Team One 40,000: members' direct + split + territory
    //   = 6,000 + 4,000 + 10,000 = 20,000 (Mona's roll-up is not added on top) -> 50.00 %; North 25,000 -> 10,000 / 25,000 = 40.00 %;
    //   West (North's parent) 10,000 with no quota -> null.
    [Fact]
    public async Task A_split_sale_with_territory_and_rollup_moves_each_participant_the_team_and_the_territory()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        await world.QuotaAsync(fixture, "Participant", world.Org.RepIds[0], "FY2026-M03", 12_000m);
        await world.QuotaAsync(fixture, "Participant", world.Org.RepIds[1], "FY2026-M03", 15_000m);
        await world.QuotaAsync(fixture, "Participant", world.Org.ManagerId, "FY2026-M03", 50_000m);
        await world.QuotaAsync(fixture, "Team", world.Org.TeamId, "FY2026-M03", 40_000m);
        await world.QuotaAsync(fixture, "Territory", AttainmentWorld.TerritoryId(world.Scenario.North), "FY2026-M03", 25_000m);
        await world.RecordSplitSaleAsync();

        Assert.Equal(("6000.00", "12000.00", "50.00"), await ParticipantAsync(world, world.Rep(1), "FY2026-M03"));
        Assert.Equal(("4000.00", "15000.00", "26.67"), await ParticipantAsync(world, world.Rep(2), "FY2026-M03"));
        Assert.Equal(("10000.00", null, null), await ParticipantAsync(world, world.Rep(3), "FY2026-M03"));
        Assert.Equal(("20000.00", "50000.00", "40.00"), await ParticipantAsync(world, world.Manager, "FY2026-M03"));
        // The quarter and the year hold the same single sale; no quota was set for them.
        Assert.Equal(("6000.00", null, null), await ParticipantAsync(world, world.Rep(1), "FY2026-Q1"));
        Assert.Equal(("20000.00", null, null), await ParticipantAsync(world, world.Manager, "FY2026"));
        // April holds nothing.
        Assert.Equal(("0.00", null, null), await ParticipantAsync(world, world.Rep(1), "FY2026-M04"));

        var team = (await world.Admin.DataAsync(
            "query($t: ID!, $p: ID!) { teamAttainment(teamId: $t, periodId: $p) { scope subjectName credited { amount currency } quota { amount } attainmentPercent credits(first: 10) { totalCount nodes { type participant { name } } } } }",
            new { t = world.Team, p = world.Period("FY2026-M03") }))["teamAttainment"]!;
        Assert.Equal(("TEAM", "Team One", "20000.00", "EUR", "40000.00", "50.00"), ((string)team["scope"]!, (string)team["subjectName"]!, (string)team["credited"]!["amount"]!, (string)team["credited"]!["currency"]!, (string)team["quota"]!["amount"]!, (string)team["attainmentPercent"]!));
        Assert.Equal(3, (int)team["credits"]!["totalCount"]!);
        Assert.Equal(["DIRECT Rep 01", "SPLIT Rep 02", "TERRITORY Rep 03"], team["credits"]!["nodes"]!.AsArray().Select(n => $"{n!["type"]} {n["participant"]!["name"]}").Order(StringComparer.Ordinal));

        const string Territory = "query($t: ID!, $p: ID!) { territoryAttainment(territoryId: $t, periodId: $p) { subjectName credited { amount } quota { amount } attainmentPercent credits(first: 10) { totalCount nodes { type reason participant { name } } } } }";
        var north = (await world.Admin.DataAsync(Territory, new { t = world.Scenario.North, p = world.Period("FY2026-M03") }))["territoryAttainment"]!;
        Assert.Equal(("North", "10000.00", "25000.00", "40.00"), ((string)north["subjectName"]!, (string)north["credited"]!["amount"]!, (string)north["quota"]!["amount"]!, (string)north["attainmentPercent"]!));
        var territoryCredit = north["credits"]!["nodes"]!.AsArray().Single()!;
        Assert.Equal(("TERRITORY", "Rep 03", "territory: owner of North for sale S-1"), ((string)territoryCredit["type"]!, (string)territoryCredit["participant"]!["name"]!, (string)territoryCredit["reason"]!));
        var west = (await world.Admin.DataAsync(Territory, new { t = world.Scenario.West, p = world.Period("FY2026") }))["territoryAttainment"]!;
        Assert.Equal("10000.00", (string)west["credited"]!["amount"]!);
        Assert.Null(west["attainmentPercent"]);
    }

    [Fact]
    public async Task Territory_credit_through_recordSales_names_the_owner_on_the_close_date_its_rule_and_reason()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        await world.RecordSplitSaleAsync();
        var rules = (await world.Admin.DataAsync("{ creditingRules { id name } }"))["creditingRules"]!.AsArray();
        var territoryRule = (string)rules.Single(r => (string)r!["name"]! == "territory owners")!["id"]!;
        var rep3 = (await world.Admin.DataAsync(AttainmentWorld.Query, new { p = world.Rep(3), period = world.Period("FY2026-M03") }))["attainment"]!;
        var credit = rep3["credits"]!["nodes"]!.AsArray().Single()!;
        Assert.Equal(("TERRITORY", territoryRule, "territory: owner of North for sale S-1", "10000.00"), ((string)credit["type"]!, (string)credit["ruleId"]!, (string)credit["reason"]!, (string)credit["reportingAmount"]!["amount"]!));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        var stored = await db.Credits.SingleAsync(c => c.Type == "Territory");
        Assert.Equal(AttainmentWorld.TerritoryId(world.Scenario.North), stored.TerritoryId);
    }

    [Fact]
    public async Task Attainment_changed_events_carry_new_and_previous_credited_quota_and_percent_in_the_same_transaction()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        await world.QuotaAsync(fixture, "Participant", world.Org.RepIds[0], "FY2026-M03", 12_000m);
        await world.RecordSplitSaleAsync();
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            var events = await AttainmentEventsAsync(db);
            // 4 participants (Rep 01..03, Mona) + Team One + North + West, each in March, Q1 and FY2026: 7 x 3 = 21.
            Assert.Equal(21, events.Count);
            var rep1March = events.Single(e => (string)e["scope"]! == "Participant" && (Guid)e["scopeId"]! == world.Org.RepIds[0] && (Guid)e["periodId"]! == world.Periods["FY2026-M03"]);
            Assert.Equal((6000m, 0m, 12000m, 50.00m, "EUR", "Revenue"), ((decimal)rep1March["credited"]!, (decimal)rep1March["previousCredited"]!, (decimal)rep1March["quota"]!, (decimal)rep1March["attainmentPercent"]!, (string)rep1March["currency"]!, (string)rep1March["quotaType"]!));
            var team = events.Single(e => (string)e["scope"]! == "Team" && (Guid)e["periodId"]! == world.Periods["FY2026-Q1"]);
            Assert.Equal((20000m, 0m), ((decimal)team["credited"]!, (decimal)team["previousCredited"]!));
            Assert.Null(team["quota"]);
            Assert.Null(team["attainmentPercent"]);
        }

        // Amended to 12,000.00: Rep 01 6,000 -> 7,200 (60 %), 7,200 / 12,000 = 60.00 %. The replay writes nothing more.
        await world.RecordSplitSaleAsync("12000.00");
        await world.RecordSplitSaleAsync("12000.00");
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            var events = await AttainmentEventsAsync(db);
            Assert.Equal(42, events.Count);
            var rep1 = events.Where(e => (string)e["scope"]! == "Participant" && (Guid)e["scopeId"]! == world.Org.RepIds[0] && (Guid)e["periodId"]! == world.Periods["FY2026-M03"]).ToList();
            Assert.Equal((7200m, 6000m, 60.00m), ((decimal)rep1[1]["credited"]!, (decimal)rep1[1]["previousCredited"]!, (decimal)rep1[1]["attainmentPercent"]!));
        }

        // Cancelled: every total goes back to zero, the events say from what.
        var cancelled = await world.Admin.DataAsync("""mutation { cancelSale(input: { source: "crm", externalId: "S-1" }) { errors { code } } }""");
        Assert.Empty(cancelled["cancelSale"]!["errors"]!.AsArray());
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            var last = (await AttainmentEventsAsync(db)).Skip(42).ToList();
            Assert.Equal(21, last.Count);
            Assert.All(last, e => Assert.Equal(0m, (decimal)e["credited"]!));
            Assert.Equal(24000m, last.Single(e => (string)e["scope"]! == "Participant" && (Guid)e["scopeId"]! == world.Org.ManagerId && (Guid)e["periodId"]! == world.Periods["FY2026"])["previousCredited"]!.GetValue<decimal>());
            Assert.All(await db.Attainment.ToListAsync(), a => Assert.Equal(0m, a.Credited));
        }
    }

    // A bulk batch moves attainment set-based: two sales of Rep 01 in March (1,000.00 + 2,500.00) give one event per
    // total for the whole batch: Rep 01 March 3,500.00 from 0.00, and 3,500.00 for Mona's roll-up and Team One.
    [Fact]
    public async Task A_bulk_batch_writes_one_attainment_event_per_total_with_the_batch_sum()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        var rep1 = world.Org.RepIds[0];
        // The importer splits keys between lanes, each with batches of its own: the second key is chosen in the
        // first one's lane so both sales land in one batch.
        var lane = Spm.Infrastructure.Sales.SalesLedger.LaneOf(new Spm.Domain.Sales.SaleKey(world.Org.TenantId, "erp", "B-1"));
        var second = Enumerable.Range(2, 50).Select(i => $"B-{i}")
            .First(id => Spm.Infrastructure.Sales.SalesLedger.LaneOf(new Spm.Domain.Sales.SaleKey(world.Org.TenantId, "erp", id)) == lane);
        var body = string.Join('\n', [
            $$"""{"source":"erp","externalId":"B-1","amount":"1000.00","currency":"EUR","closeDate":"2026-03-02","ownerParticipantId":"{{rep1}}"}""",
            $$"""{"source":"erp","externalId":"{{second}}","amount":"2500.00","currency":"EUR","closeDate":"2026-03-20","ownerParticipantId":"{{rep1}}"}"""]);
        using var response = await Sales.SalesWorld.PostFileAsync(world.Admin, body, "application/x-ndjson");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await using var db = fixture.CreateContext(world.Org.TenantId);
        var events = await AttainmentEventsAsync(db);
        // Rep 01, Mona and Team One, each in March, Q1 and FY2026.
        Assert.Equal(9, events.Count);
        var march = events.Single(e => (string)e["scope"]! == "Participant" && (Guid)e["scopeId"]! == rep1 && (Guid)e["periodId"]! == world.Periods["FY2026-M03"]);
        Assert.Equal((3500m, 0m), ((decimal)march["credited"]!, (decimal)march["previousCredited"]!));
        Assert.All(events, e => Assert.Equal(3500m, (decimal)e["credited"]!));
        Assert.Equal(3500m, (await db.Attainment.SingleAsync(a => a.Scope == "Team" && a.PeriodId == world.Periods["FY2026"])).Credited);
    }

    [Fact]
    public async Task A_rep_sees_their_own_attainment_and_team_a_manager_their_subtree()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        await world.RecordSplitSaleAsync();
        var rep1 = As(fixture, world, "rep", world.Org.RepIds[0]);
        var march = world.Period("FY2026-M03");
        var own = (await rep1.DataAsync("query($p: ID!) { attainment(periodId: $p) { subjectName credited { amount } } }", new { p = march }))["attainment"]!;
        Assert.Equal(("Rep 01", "6000.00"), ((string)own["subjectName"]!, (string)own["credited"]!["amount"]!));
        Assert.Null((await rep1.DataAsync(AttainmentWorld.Query, new { p = world.Rep(2), period = march }))["attainment"]);
        var team = (await rep1.DataAsync("query($t: ID!, $p: ID!) { teamAttainment(teamId: $t, periodId: $p) { credited { amount } credits(first: 10) { totalCount } } }", new { t = world.Team, p = march }))["teamAttainment"]!;
        // The team's figure, but only the rep's own ledger rows.
        Assert.Equal(("20000.00", 1), ((string)team["credited"]!["amount"]!, (int)team["credits"]!["totalCount"]!));
        Assert.Null((await rep1.DataAsync("query($t: ID!, $p: ID!) { territoryAttainment(territoryId: $t, periodId: $p) { subjectName } }", new { t = world.Scenario.North, p = march }))["territoryAttainment"]);
        var rep3 = As(fixture, world, "rep", world.Org.RepIds[2]);
        Assert.Equal("North", (string)(await rep3.DataAsync("query($t: ID!, $p: ID!) { territoryAttainment(territoryId: $t, periodId: $p) { subjectName } }", new { t = world.Scenario.North, p = march }))["territoryAttainment"]!["subjectName"]!);

        var manager = As(fixture, world, "manager", world.Org.ManagerId);
        var rep2 = (await manager.DataAsync(AttainmentWorld.Query, new { p = world.Rep(2), period = march }))["attainment"]!;
        Assert.Equal("4000.00", (string)rep2["credited"]!["amount"]!);
    }

    [Fact]
    public async Task The_cached_crediting_setup_is_reused_and_never_serves_replaced_rules()
    {
        var world = await AttainmentWorld.CreateAsync(fixture);
        var cache = fixture.Api.Services.GetRequiredService<Spm.Infrastructure.Crediting.CreditingSetupCache>();
        await Sales.SalesWorld.RecordAsync(world.Admin, Sales.SalesWorld.Sale("K-1", "100.00", world.Rep(1), closeDate: "2026-03-10"));
        var loads = cache.Loads;
        await Sales.SalesWorld.RecordAsync(world.Admin, Sales.SalesWorld.Sale("K-2", "100.00", world.Rep(1), closeDate: "2026-03-11"));
        Assert.Equal(loads, cache.Loads);

        // Roll-up dropped: the next sale must not credit Mona.
        var rules = await world.Admin.DataAsync("""mutation { setCreditingRules(input: { rules: [{ name: "owner only", kind: DIRECT, order: 10, effectiveFrom: "2026-01-01" }] }) { errors { code } } }""");
        Assert.Empty(rules["setCreditingRules"]!["errors"]!.AsArray());
        await Sales.SalesWorld.RecordAsync(world.Admin, Sales.SalesWorld.Sale("K-3", "100.00", world.Rep(1), closeDate: "2026-03-12"));
        Assert.Equal(loads + 1, cache.Loads);
        await using var db = fixture.CreateContext(world.Org.TenantId);
        var k3 = await db.Sales.SingleAsync(s => s.ExternalId == "K-3");
        Assert.Equal(["Direct"], await db.Credits.Where(c => c.SaleId == k3.Id).Select(c => c.Type).ToListAsync());

        // A new participant added by any writer (here straight SQL) is known to the next sale.
        var newcomer = Guid.CreateVersion7();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO participants (id, tenant_id, name, email, role, hire_date, pay_currency, status) VALUES ({0}, {1}, 'Nina New', {2}, 'Rep', '2026-01-05', 'EUR', 'Active')",
            newcomer, world.Org.TenantId, $"nina.{newcomer:N}@example.com");
        var sale = await Sales.SalesWorld.RecordAsync(world.Admin, Sales.SalesWorld.Sale("K-4", "100.00", Spm.Api.Features.Relay.GlobalId.Encode("Participant", newcomer), closeDate: "2026-03-12"));
        Assert.Empty(sale["errors"]!.AsArray());
    }

    private static HttpClient As(DatabaseFixture fixture, AttainmentWorld world, string role, Guid participant)
    {
        var client = fixture.Api.ClientFor(world.Org.TenantId, role);
        client.DefaultRequestHeaders.Add("X-Test-Participant", participant.ToString());
        return client;
    }

    private static async Task<(string? Credited, string? Quota, string? Percent)> ParticipantAsync(AttainmentWorld world, string participant, string period)
    {
        var node = (await world.Admin.DataAsync(AttainmentWorld.Query, new { p = participant, period = world.Period(period) }))["attainment"]!;
        return ((string?)node["credited"]!["amount"], (string?)node["quota"]?["amount"], (string?)node["attainmentPercent"]);
    }

    private static async Task<List<JsonNode>> AttainmentEventsAsync(Spm.Infrastructure.Persistence.SpmDbContext db) =>
        [.. (await db.Outbox.Where(o => o.Type == "attainment.changed").OrderBy(o => o.Id).Select(o => o.Payload).ToListAsync()).Select(p => JsonNode.Parse(p)!)];
}
