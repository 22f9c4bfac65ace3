using System.Net;
using System.Text.Json.Nodes;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Organisation;
using Spm.Domain.Quotas;

namespace Spm.Api.Tests.Compensation;

/// <summary>Hand-worked plans through real calculation runs over GraphQL, and what a manager may see of them.</summary>
public sealed class CompensationScenarioTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string StatementQuery = """
        query($p: ID!, $m: ID!) { statement(participantId: $p, periodId: $m) {
          payout { amount } drawPaid { amount } drawRecovered { amount } drawBalance { amount }
          lines { kind tier rate amount { amount } } } }
        """;

    private const string BonusPlan = """
        { "currency": "EUR", "components": [
          { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL", "creditTypes": ["DIRECT", "SPLIT"],
            "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.05 } ] } ] },
          { "type": "BONUS", "id": "mb", "name": "Month bonus", "frequency": "MONTH",
            "thresholds": [ { "attainment": 1, "amount": 500 }, { "attainment": 1.2, "percentOfTargetIncentive": 0.1 } ] } ] }
        """;

    private const string DrawPlan = """
        { "currency": "EUR", "components": [
          { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL", "creditTypes": ["DIRECT", "SPLIT"],
            "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.05 } ] } ] },
          { "type": "DRAW", "id": "ramp", "name": "Ramp draw", "amount": 1000, "recoverable": true } ] }
        """;

    private static async Task<JsonNode> StatementAsync(CompWorld world, int rep, string month) =>
        (await world.Admin.DataAsync(StatementQuery, new { p = world.Rep(rep), m = world.Month(month) }))["statement"]!;

    private static (string Kind, int? Tier, string Amount)[] Lines(JsonNode statement) =>
        [.. statement["lines"]!.AsArray().Select(l => ((string)l!["kind"]!, (int?)l["tier"], (string)l["amount"]!["amount"]!))];

    [Fact]
    public async Task Month_bonus_thresholds_pay_a_fixed_amount_at_100_percent_and_a_share_of_target_incentive_at_120()
    {
        var world = await CompWorld.CreateAsync(fixture);
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            // March quota 10,000.00 EUR for each rep (the engine reads month revenue quotas).
            foreach (var rep in world.Org.RepIds)
            {
                var quota = new Quota(Guid.CreateVersion7(), world.Org.TenantId, null, world.Months["2026-03"], QuotaSubjectKind.Participant, rep, QuotaType.Revenue, "EUR", false);
                quota.Change(10_000m, null, QuotaChangeAction.Adjusted, new QuotaActor("test", null, DateTimeOffset.UtcNow, null, Guid.CreateVersion7), created: true);
                db.Quotas.Add(quota);
            }

            await db.SaveChangesAsync();
        }

        await SalesAsync(world, ("B-1", "12500.00", 1), ("B-2", "10000.00", 2), ("B-3", "9999.00", 3));
        var plan = await world.PublishedPlanAsync("Bonus 2026", BonusPlan);
        for (var rep = 1; rep <= 3; rep++)
        {
            await world.AssignAsync(plan, world.Rep(rep));
        }

        await world.RunAsync("2026-03");

        // Rep 01: 12,500 / 10,000 = 125 %: commission 12,500 x 0.05 = 625.00; threshold 1 (100 %) pays 500.00;
        // threshold 2 (120 %) pays 10 % of the month's share of the 40,000 annual target incentive:
        // 40,000 / 12 = 3,333.333...; x 0.10 = 333.333... -> 333.33. Payout 625.00 + 500.00 + 333.33 = 1,458.33.
        var rep1 = await StatementAsync(world, 1, "2026-03");
        Assert.Equal([("COMMISSION", 1, "625.00"), ("BONUS", 1, "500.00"), ("BONUS", 2, "333.33")], Lines(rep1));
        Assert.Equal("0.1", (string)rep1["lines"]![2]!["rate"]!);
        Assert.Equal("1458.33", (string)rep1["payout"]!["amount"]!);

        // Rep 02: exactly 100 % reaches threshold 1 only: 500.00 + 500.00 = 1,000.00.
        var rep2 = await StatementAsync(world, 2, "2026-03");
        Assert.Equal([("COMMISSION", 1, "500.00"), ("BONUS", 1, "500.00")], Lines(rep2));
        Assert.Equal("1000.00", (string)rep2["payout"]!["amount"]!);

        // Rep 03: 99.99 % reaches nothing: 9,999 x 0.05 = 499.95.
        var rep3 = await StatementAsync(world, 3, "2026-03");
        Assert.Equal([("COMMISSION", 1, "499.95")], Lines(rep3));
        Assert.Equal("499.95", (string)rep3["payout"]!["amount"]!);
    }

    [Fact]
    public async Task A_recoverable_draw_is_paid_then_recovered_from_later_earnings_over_three_closed_months()
    {
        var world = await CompWorld.CreateAsync(fixture);
        await SalesAsync(world, ("D-1", "4000.00", 1, "2026-01-15"), ("D-2", "30000.00", 1, "2026-02-15"), ("D-3", "40000.00", 1, "2026-03-15"));
        var plan = await world.PublishedPlanAsync("Ramp 2026", DrawPlan);
        await world.AssignAsync(plan, world.Rep(1));

        // January: earnings 4,000 x 0.05 = 200.00 < the 1,000.00 guarantee: draw 800.00, payout 1,000.00, balance 800.00.
        await CloseAsync(world, await world.RunAsync("2026-01"));
        var january = await StatementAsync(world, 1, "2026-01");
        Assert.Equal([("COMMISSION", 1, "200.00"), ("DRAW", null, "800.00")], Lines(january));
        Assert.Equal(("1000.00", "800.00", "800.00"), ((string)january["payout"]!["amount"]!, (string)january["drawPaid"]!["amount"]!, (string)january["drawBalance"]!["amount"]!));

        // February: earnings 30,000 x 0.05 = 1,500.00, 500.00 above the guarantee: recover min(800, 500) = 500.00;
        // payout 1,000.00; balance 800 - 500 = 300.00 carried forward.
        await CloseAsync(world, await world.RunAsync("2026-02"));
        var february = await StatementAsync(world, 1, "2026-02");
        Assert.Equal([("COMMISSION", 1, "1500.00"), ("DRAW_RECOVERY", null, "-500.00")], Lines(february));
        Assert.Equal(("1000.00", "500.00", "300.00"), ((string)february["payout"]!["amount"]!, (string)february["drawRecovered"]!["amount"]!, (string)february["drawBalance"]!["amount"]!));

        // March: earnings 40,000 x 0.05 = 2,000.00, 1,000.00 above: recover the remaining min(300, 1,000) = 300.00;
        // payout 1,700.00; balance 0.00.
        await world.RunAsync("2026-03");
        var march = await StatementAsync(world, 1, "2026-03");
        Assert.Equal([("COMMISSION", 1, "2000.00"), ("DRAW_RECOVERY", null, "-300.00")], Lines(march));
        Assert.Equal(("1700.00", "300.00", "0.00"), ((string)march["payout"]!["amount"]!, (string)march["drawRecovered"]!["amount"]!, (string)march["drawBalance"]!["amount"]!));
    }

    [Fact]
    public async Task A_manager_prints_a_team_members_statement_not_an_outsiders_and_cannot_follow_a_runs_progress()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);
        // Otto manages a team of his own, outside Mona's chain.
        var otto = new Participant(Guid.CreateVersion7(), world.Org.TenantId, "Otto Other", $"otto.{world.Org.TenantId:N}@example.com", ParticipantRole.Manager, new DateOnly(2021, 2, 1), "EUR");
        await using (var db = fixture.CreateContext(world.Org.TenantId))
        {
            var team = new Team(Guid.CreateVersion7(), world.Org.TenantId, "Team Two", null, null);
            otto.JoinTeam(team.Id);
            db.AddRange(team, otto);
            await db.SaveChangesAsync();
            team.SetManager(otto.Id);
            await db.SaveChangesAsync();
        }

        using var mona = world.Person(fixture, "manager", world.Org.ManagerId);
        using var outsider = world.Person(fixture, "manager", otto.Id);

        // Rep 01 reports to Mona: 12,500.50 x 0.05 = 625.025 -> 625.03 (CompWorld.WithMarchRunAsync).
        var html = await mona.GetAsync($"/statements/{runId}/{world.Rep(1)}");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("Payout 625.03 EUR", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Otto is outside Rep 01's chain: not found, exactly as for a statement that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/statements/{runId}/{world.Rep(1)}")).StatusCode);
        Assert.Null((await outsider.DataAsync("query($p: ID!, $r: ID) { statement(participantId: $p, runId: $r) { payout { amount } } }", new { p = world.Rep(1), r = runId }))["statement"] as JsonObject);

        // A run covers the whole tenant and its totalPayout sums everyone's pay, so following it is sales operations'
        // (ManageCompensation), not a manager's, whoever is in it: refused with ACCESS_DENIED; the admin follows it.
        var headers = new Dictionary<string, string> { ["X-Test-Tenant"] = world.Org.TenantId.ToString(), ["X-Test-Role"] = "manager", ["X-Test-Participant"] = world.Org.ManagerId.ToString() };
        await using var socket = await GraphQLWebSocket.ConnectAsync(fixture.Api, [], headers);
        Assert.Equal("connection_ack", (string)(await socket.ReceiveAsync())["type"]!);
        await socket.SubscribeAsync("1", $"subscription {{ calculationRunProgress(runId: \"{runId}\") {{ status }} }}");
        var refused = await socket.ReceiveAsync();
        var error = ((string)refused["type"]! == "error" ? refused["payload"]!.AsArray() : refused["payload"]!["errors"]!.AsArray())[0]!;
        Assert.Equal("ACCESS_DENIED", (string)error["extensions"]!["code"]!);
    }

    private static async Task SalesAsync(CompWorld world, params (string ExternalId, string Amount, int Rep)[] deals) =>
        await SalesAsync(world, [.. deals.Select(d => (d.ExternalId, d.Amount, d.Rep, "2026-03-10"))]);

    private static async Task SalesAsync(CompWorld world, params (string ExternalId, string Amount, int Rep, string CloseDate)[] deals)
    {
        var result = await Sales.SalesWorld.RecordAsync(world.Admin, [.. deals.Select(d => Sales.SalesWorld.Sale(d.ExternalId, d.Amount, world.Rep(d.Rep), closeDate: d.CloseDate))]);
        Assert.Empty(result["errors"]!.AsArray());
    }

    /// <summary>Closes the run's period: submitted by sales operations, approved by Mona then Fiona, locked.</summary>
    private async Task CloseAsync(CompWorld world, string runId)
    {
        using var manager = world.Person(fixture, "manager", world.Org.ManagerId);
        using var finance = world.Person(fixture, "finance", world.FinanceId);
        var id = (string)(await PayoutAsync(world.Admin, "submitPayout", $"runId: \"{runId}\""))["id"]!;
        await PayoutAsync(manager, "approvePayout", $"payoutId: \"{id}\"");
        await PayoutAsync(finance, "financeApprovePayout", $"payoutId: \"{id}\"");
        Assert.Equal("LOCKED", (string)(await PayoutAsync(finance, "lockPayout", $"payoutId: \"{id}\""))["status"]!);
    }

    private static async Task<JsonNode> PayoutAsync(HttpClient client, string mutation, string input)
    {
        var result = (await client.DataAsync($"mutation {{ {mutation}(input: {{ {input} }}) {{ payout {{ id status }} errors {{ code message field }} }} }}"))[mutation]!;
        Assert.Empty(result["errors"]!.AsArray());
        return result["payout"]!;
    }
}
