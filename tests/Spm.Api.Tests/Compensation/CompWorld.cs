using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Sales;
using Spm.Domain.Organisation;

namespace Spm.Api.Tests.Compensation;

/// <summary>
/// A small paid sales team: Mona manages Rep 01..03 (EUR), Fiona is finance; fiscal year 2026 (January start) is
/// generated so credits land in months; crediting rules direct, split and roll-up (Mona gets roll-up credits).
/// The plan <see cref="FlatFivePercent"/> pays 5 % of direct and split credits, one tier, no quota needed.
/// </summary>
public sealed record CompWorld(SalesWorld Sales, Guid FinanceId, IReadOnlyDictionary<string, Guid> Months)
{
    public const string FlatFivePercent = """
        { "currency": "EUR", "components": [
          { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL", "creditTypes": ["DIRECT", "SPLIT"],
            "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.05 } ] } ] } ] }
        """;

    public const string FlatEightPercent = """
        { "currency": "EUR", "components": [
          { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL", "creditTypes": ["DIRECT", "SPLIT"],
            "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.08 } ] } ] } ] }
        """;

    public HttpClient Admin => Sales.Admin;

    public TestData.SmallTenant Org => Sales.Org;

    public static async Task<CompWorld> CreateAsync(DatabaseFixture fixture)
    {
        var sales = await SalesWorld.CreateAsync(fixture);
        var tenantId = sales.Org.TenantId;
        await using var db = fixture.CreateContext(tenantId);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId);
        var periods = Period.Generate(tenantId, tenant.Calendar, 2026);
        db.Periods.AddRange(periods);
        var finance = new Participant(Guid.CreateVersion7(), tenantId, "Fiona Finance", $"fiona.{tenantId:N}@example.com", ParticipantRole.Finance, new DateOnly(2020, 1, 6), "EUR");
        db.Participants.Add(finance);
        await db.SaveChangesAsync();
        var months = periods.Where(p => p.Kind == PeriodKind.Month).ToDictionary(p => p.StartDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), p => p.Id);
        return new CompWorld(sales, finance.Id, months);
    }

    /// <summary>
    /// March 2026, 5 % flat: Rep 01 sells 10,000.00 and 2,500.50 (one April sale that must not count), Rep 02 4,000.00.
    /// Rep 01: 12,500.50 x 0.05 = 625.025, rounded half away from zero = 625.03. Rep 02: 4,000.00 x 0.05 = 200.00.
    /// Run total 625.03 + 200.00 = 825.03 EUR.
    /// </summary>
    public static async Task<(CompWorld World, string RunId)> WithMarchRunAsync(DatabaseFixture fixture)
    {
        var world = await CompWorld.CreateAsync(fixture);
        await SalesWorld.RecordAsync(world.Admin,
            SalesWorld.Sale("S-1", "10000.00", world.Rep(1), closeDate: "2026-03-10"),
            SalesWorld.Sale("S-2", "2500.50", world.Rep(1), closeDate: "2026-03-20"),
            SalesWorld.Sale("S-3", "4000.00", world.Rep(2), closeDate: "2026-03-15"),
            SalesWorld.Sale("S-4", "9999.00", world.Rep(1), closeDate: "2026-04-02"));
        var plan = await world.PublishedPlanAsync("AE 2026", CompWorld.FlatFivePercent);
        await world.AssignAsync(plan, world.Rep(1));
        await world.AssignAsync(plan, world.Rep(2));
        return (world, await world.RunAsync("2026-03"));
    }

    public static string Id(string type, Guid id) => GlobalId.Encode(type, id);

    public string Month(string yyyyMm) => Id("Period", Months[yyyyMm]);

    public string Rep(int n) => Sales.Rep(n);

    /// <summary>A client for a person: role plus the participant the token speaks for.</summary>
    public HttpClient Person(DatabaseFixture fixture, string role, Guid participant)
    {
        var client = fixture.Api.ClientFor(Org.TenantId, role);
        client.DefaultRequestHeaders.Add("X-Test-Participant", participant.ToString());
        return client;
    }

    /// <summary>Creates and publishes a plan from <paramref name="document"/>; returns the plan's global id.</summary>
    public async Task<string> PublishedPlanAsync(string name, string document, string from = "2026-01-01")
    {
        var created = (await Admin.DataAsync(
            "mutation($d: String!, $n: String!, $f: Date!) { createCompPlan(input: { name: $n, effectiveFrom: $f, document: $d }) { plan { id } version { id } errors { code message field } } }",
            new { d = document, n = name, f = from }))["createCompPlan"]!;
        Assert.Empty(created["errors"]!.AsArray());
        var published = (await Admin.DataAsync(
            "mutation($v: ID!) { publishCompPlanVersion(input: { versionId: $v }) { version { status } errors { code message } } }",
            new { v = created["version"]!["id"]!.GetValue<string>() }))["publishCompPlanVersion"]!;
        Assert.Empty(published["errors"]!.AsArray());
        return created["plan"]!["id"]!.GetValue<string>();
    }

    public async Task AssignAsync(string planId, string participantId, string from = "2026-01-01")
    {
        var result = (await Admin.DataAsync(
            "mutation($p: ID!, $r: ID!, $f: Date!) { assignCompPlan(input: { participantId: $r, planId: $p, effectiveFrom: $f, onTargetEarnings: \"120000\", targetIncentive: \"40000\" }) { assignment { id } errors { code message field } } }",
            new { p = planId, r = participantId, f = from }))["assignCompPlan"]!;
        Assert.Empty(result["errors"]!.AsArray());
    }

    /// <summary>Starts a run and waits (polling the API) until it completes; returns the run's global id.</summary>
    public async Task<string> RunAsync(string month)
    {
        var started = (await Admin.DataAsync(
            "mutation($p: ID!) { startCalculationRun(input: { periodId: $p }) { run { id status } errors { code message field } } }",
            new { p = Month(month) }))["startCalculationRun"]!;
        Assert.Empty(started["errors"]!.AsArray());
        var id = started["run"]!["id"]!.GetValue<string>();
        await WaitAsync(id);
        return id;
    }

    public async Task<JsonNode> WaitAsync(string runId)
    {
        for (var i = 0; i < 600; i++)
        {
            var run = (await Admin.DataAsync("query($id: ID!) { calculationRun(id: $id) { id status error participantsDone participantsTotal } }", new { id = runId }))["calculationRun"]!;
            var status = run["status"]!.GetValue<string>();
            if (status == "FAILED")
            {
                throw new InvalidOperationException("The run failed: " + run["error"]);
            }

            if (status == "COMPLETED")
            {
                return run;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The run did not complete within 30 s.");
    }
}
