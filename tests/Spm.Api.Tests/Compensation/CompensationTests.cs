using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Compensation;

/// <summary>Plans, runs, statements and their visibility, over the real API, PostgreSQL and the engine.</summary>
public sealed class CompensationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string StatementQuery = """
        query($p: ID!, $m: ID, $r: ID) { statement(participantId: $p, periodId: $m, runId: $r) {
          run { id } credited { amount currency } earnings { amount } payout { amount currency }
          lines { lineNo kind component rule basis rate amount { amount currency } sources { creditId saleId basis } } } }
        """;

    [Fact]
    public async Task A_run_pays_each_rep_the_rounded_sum_of_lines_that_trace_to_their_credits()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);

        var statement = (await world.Admin.DataAsync(StatementQuery, new { p = world.Rep(1), m = world.Month("2026-03") }))["statement"]!;
        Assert.Equal(runId, statement["run"]!["id"]!.GetValue<string>());
        Assert.Equal("12500.50", statement["credited"]!["amount"]!.GetValue<string>());
        Assert.Equal("625.03", statement["payout"]!["amount"]!.GetValue<string>());
        var line = Assert.Single(statement["lines"]!.AsArray())!;
        Assert.Equal(("COMMISSION", "Core commission", "0.05"), (line["kind"]!.GetValue<string>(), line["component"]!.GetValue<string>(), line["rate"]!.GetValue<string>()));
        Assert.Equal("625.03", line["amount"]!["amount"]!.GetValue<string>());
        // The line's sources are exactly Rep 01's two March credits, with their amounts as basis (the April sale is not there).
        var bases = line["sources"]!.AsArray().Select(s => decimal.Parse(s!["basis"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal([2500.50m, 10000.00m], bases);
        await using var db = fixture.CreateContext(world.Org.TenantId);
        var creditIds = line["sources"]!.AsArray().Select(s => Guid.Parse(s!["creditId"]!.GetValue<string>())).ToList();
        var credits = await db.Credits.Where(c => creditIds.Contains(c.Id)).ToListAsync();
        Assert.Equal(2, credits.Count);
        Assert.All(credits, c => Assert.Equal(world.Org.RepIds[0], c.ParticipantId));

        var rep2 = (await world.Admin.DataAsync(StatementQuery, new { p = world.Rep(2), r = runId }))["statement"]!;
        Assert.Equal("200.00", rep2["payout"]!["amount"]!.GetValue<string>());
        var run = (await world.Admin.DataAsync("query($id: ID!) { calculationRun(id: $id) { status progress participantsDone participantsTotal totalPayout { amount currency } } }", new { id = runId }))["calculationRun"]!;
        Assert.Equal(("COMPLETED", 2, 2), (run["status"]!.GetValue<string>(), run["participantsDone"]!.GetValue<int>(), run["participantsTotal"]!.GetValue<int>()));
        Assert.Equal("825.03", Assert.Single(run["totalPayout"]!.AsArray())!["amount"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rep_reads_only_their_own_statement_a_manager_their_team_and_a_partner_nothing()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);
        using var rep2 = world.Person(fixture, "rep", world.Org.RepIds[1]);
        using var manager = world.Person(fixture, "manager", world.Org.ManagerId);
        using var partner = fixture.Api.ClientFor(world.Org.TenantId, "partner");

        Assert.Null((await rep2.DataAsync(StatementQuery, new { p = world.Rep(1), r = runId }))["statement"] as JsonObject);
        Assert.Equal("200.00", (await rep2.DataAsync(StatementQuery, new { p = world.Rep(2), r = runId }))["statement"]!["payout"]!["amount"]!.GetValue<string>());
        Assert.Equal("625.03", (await manager.DataAsync(StatementQuery, new { p = world.Rep(1), r = runId }))["statement"]!["payout"]!["amount"]!.GetValue<string>());
        var denied = await partner.QueryAsync(StatementQuery, new { p = world.Rep(1), r = runId });
        Assert.Equal("ACCESS_DENIED", denied["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        // The printable view applies the same rule: the colleague's statement does not exist for Rep 02.
        Assert.Equal(HttpStatusCode.NotFound, (await rep2.GetAsync($"/statements/{runId}/{world.Rep(1)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/statements/{runId}/{world.Rep(1)}")).StatusCode);
        using var rep1 = world.Person(fixture, "rep", world.Org.RepIds[0]);
        var html = await rep1.GetAsync($"/statements/{runId}/{world.Rep(1)}");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var text = await html.Content.ReadAsStringAsync();
        Assert.Contains("Payout 625.03 EUR", text, StringComparison.Ordinal);
        Assert.Contains("Core commission", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_document_the_engine_refuses_is_a_user_error_naming_the_path_and_nothing_is_written()
    {
        var world = await CompWorld.CreateAsync(fixture);
        var bad = CompWorld.FlatFivePercent.Replace("\"rate\": 0.05", "\"rate\": 50", StringComparison.Ordinal);

        var result = (await world.Admin.DataAsync(
            "mutation($d: String!) { createCompPlan(input: { name: \"Broken\", effectiveFrom: \"2026-01-01\", document: $d }) { plan { id } errors { code message field } } }",
            new { d = bad }))["createCompPlan"]!;

        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal("COMP_PLAN_INVALID", error["code"]!.GetValue<string>());
        Assert.Equal(["input", "document"], error["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains("$.components[0].rateTables[0].tiers[0].rate", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(0, await db.CompPlans.CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action.StartsWith("compPlan")));
    }

    [Fact]
    public async Task A_what_if_of_a_draft_version_compares_with_the_published_plan_per_participant_and_in_total()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);
        var plans = (await world.Admin.DataAsync("{ compPlans { id versions { version status } } }"))["compPlans"]!.AsArray();
        var planId = Assert.Single(plans)!["id"]!.GetValue<string>();
        var draft = (await world.Admin.DataAsync(
            "mutation($p: ID!, $d: String!) { createCompPlanVersion(input: { planId: $p, effectiveFrom: \"2026-07-01\", document: $d }) { version { id version status } errors { code message } } }",
            new { p = planId, d = CompWorld.FlatEightPercent }))["createCompPlanVersion"]!;
        Assert.Equal((2, "DRAFT"), (draft["version"]!["version"]!.GetValue<int>(), draft["version"]!["status"]!.GetValue<string>()));

        var whatIf = (await world.Admin.DataAsync(
            "mutation($v: ID!, $p: ID!) { startWhatIfRun(input: { versionId: $v, periodId: $p }) { run { id kind } errors { code message } } }",
            new { v = draft["version"]!["id"]!.GetValue<string>(), p = world.Month("2026-03") }))["startWhatIfRun"]!;
        Assert.Empty(whatIf["errors"]!.AsArray());
        var whatIfId = whatIf["run"]!["id"]!.GetValue<string>();
        await world.WaitAsync(whatIfId);

        // 8 %: Rep 01 12,500.50 x 0.08 = 1,000.04; Rep 02 4,000.00 x 0.08 = 320.00. Differences 375.01 and 120.00, total 495.01.
        var comparison = (await world.Admin.DataAsync(
            "query($a: ID!, $b: ID!) { compareCalculationRuns(a: $a, b: $b) { participants { participant { name } a { amount } b { amount } difference { amount } } totals { a { amount } b { amount } difference { amount currency } } } }",
            new { a = runId, b = whatIfId }))["compareCalculationRuns"]!;
        var rows = comparison["participants"]!.AsArray().ToDictionary(p => p!["participant"]!["name"]!.GetValue<string>(), p => (p!["a"]!["amount"]!.GetValue<string>(), p["b"]!["amount"]!.GetValue<string>(), p["difference"]!["amount"]!.GetValue<string>()));
        Assert.Equal(("625.03", "1000.04", "375.01"), rows["Rep 01"]);
        Assert.Equal(("200.00", "320.00", "120.00"), rows["Rep 02"]);
        var total = Assert.Single(comparison["totals"]!.AsArray())!;
        Assert.Equal(("825.03", "1320.04", "495.01"), (total["a"]!["amount"]!.GetValue<string>(), total["b"]!["amount"]!.GetValue<string>(), total["difference"]!["amount"]!.GetValue<string>()));
        // A what-if never becomes anyone's statement.
        Assert.Equal(runId, (await world.Admin.DataAsync(StatementQuery, new { p = world.Rep(1), m = world.Month("2026-03") }))["statement"]!["run"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_estimator_tells_a_rep_what_a_deal_would_pay_with_their_real_plan_and_credits_so_far()
    {
        var (world, _) = await CompWorld.WithMarchRunAsync(fixture);
        using var rep1 = world.Person(fixture, "rep", world.Org.RepIds[0]);
        using var rep2 = world.Person(fixture, "rep", world.Org.RepIds[1]);
        const string Estimate = "query($p: ID) { estimateDeal(participantId: $p, amount: \"1000.10\", currency: \"EUR\", closeDate: \"2026-03-25\") { pays { amount currency } earningsBefore { amount } earningsAfter { amount } } }";

        // Before: 12,500.50 x 0.05 = 625.025 -> 625.03. After: 13,500.60 x 0.05 = 675.03. The deal pays 50.00.
        var estimate = (await rep1.DataAsync(Estimate))["estimateDeal"]!;
        Assert.Equal(("625.03", "675.03", "50.00", "EUR"), (estimate["earningsBefore"]!["amount"]!.GetValue<string>(), estimate["earningsAfter"]!["amount"]!.GetValue<string>(), estimate["pays"]!["amount"]!.GetValue<string>(), estimate["pays"]!["currency"]!.GetValue<string>()));
        Assert.Null((await rep2.DataAsync(Estimate, new { p = world.Rep(1) }))["estimateDeal"] as JsonObject);
    }

    [Fact]
    public async Task The_progress_subscription_ends_with_the_completed_run()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);
        var headers = new Dictionary<string, string> { ["X-Test-Tenant"] = world.Org.TenantId.ToString(), ["X-Test-Role"] = "admin" };
        await using var socket = await GraphQLWebSocket.ConnectAsync(fixture.Api, [], headers);
        Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());

        await socket.SubscribeAsync("1", $"subscription {{ calculationRunProgress(runId: \"{runId}\") {{ status participantsDone progress }} }}");

        var next = await socket.ReceiveAsync();
        Assert.Equal("next", next["type"]!.GetValue<string>());
        var run = next["payload"]!["data"]!["calculationRunProgress"]!;
        Assert.Equal(("COMPLETED", 2, 1d), (run["status"]!.GetValue<string>(), run["participantsDone"]!.GetValue<int>(), run["progress"]!.GetValue<double>()));
        Assert.Equal("complete", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
    }
}
