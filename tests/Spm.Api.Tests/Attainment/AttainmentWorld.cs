using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Territories;
using Spm.Domain.Organisation;

namespace Spm.Api.Tests.Attainment;

/// <summary>
/// The territory scenario (Mona manages Rep 01..03 in Team One; West > North, South) with the FY2026 calendar
/// (January start, so FY2026-M03 is March 2026), rules direct (10), split (20), territory (25), roll-up (30) from
/// 2026-01-01, and Rep 03 the primary owner (100 %) of North from 2025-01-01. Account N2 (95014) lies in North.
/// </summary>
internal sealed record AttainmentWorld(TerritoryScenario Scenario, Dictionary<string, Guid> Periods)
{
    public const string Query = """
        query($p: ID!, $period: ID!) { attainment(participantId: $p, periodId: $period) { scope subjectName credited { amount currency } quota { amount } attainmentPercent
          credits(first: 10) { totalCount nodes { type reason ruleId participant { name } reportingAmount { amount } } } } }
        """;

    public HttpClient Admin => Scenario.Admin;

    public TestData.SmallTenant Org => Scenario.Org;

    public static async Task<AttainmentWorld> CreateAsync(DatabaseFixture fixture)
    {
        var scenario = await TerritoryScenario.CreateAsync(fixture);
        var rules = await scenario.Admin.DataAsync(
            """
            mutation { setCreditingRules(input: { rules: [
              { name: "owner", kind: DIRECT, order: 10, effectiveFrom: "2026-01-01" },
              { name: "co-sellers", kind: SPLIT, order: 20, effectiveFrom: "2026-01-01" },
              { name: "territory owners", kind: TERRITORY, order: 25, effectiveFrom: "2026-01-01" },
              { name: "managers", kind: ROLLUP, order: 30, effectiveFrom: "2026-01-01" } ] }) { rules { id } errors { code } } }
            """);
        Assert.Empty(rules["setCreditingRules"]!["errors"]!.AsArray());
        var assigned = await scenario.Admin.DataAsync(
            "mutation($input: AssignTerritoryParticipantInput!) { assignTerritoryParticipant(input: $input) { errors { code message } } }",
            new { input = new { territoryId = scenario.North, participantId = scenario.Rep(2), role = "PRIMARY", splitPercent = "100", effectiveFrom = "2025-01-01" } });
        Assert.Empty(assigned["assignTerritoryParticipant"]!["errors"]!.AsArray());

        await using var db = fixture.CreateContext(scenario.Org.TenantId);
        var periods = Spm.Domain.Organisation.Period.Generate(scenario.Org.TenantId, new FiscalCalendar(1), 2026);
        db.Periods.AddRange(periods);
        await db.SaveChangesAsync();
        return new AttainmentWorld(scenario, periods.ToDictionary(p => p.Name, p => p.Id));
    }

    public string Period(string name) => GlobalId.Encode("Period", Periods[name]);

    public string Rep(int n) => GlobalId.Encode("Participant", Org.RepIds[n - 1]);

    public string Manager => GlobalId.Encode("Participant", Org.ManagerId);

    public string Team => GlobalId.Encode("Team", Org.TeamId);

    public static Guid TerritoryId(string globalId) => GlobalId.TryDecode(globalId, "Territory")!.Value;

    /// <summary>An approved revenue quota in EUR, written straight to the table (the quota workflow has its own tests).</summary>
    public async Task QuotaAsync(DatabaseFixture fixture, string kind, Guid subject, string period, decimal amount)
    {
        await using var db = fixture.CreateContext(Org.TenantId);
        var sql = kind switch
        {
            "Participant" => "INSERT INTO quotas (id, tenant_id, period_id, subject_kind, participant_id, type, amount, currency, is_overlay, status, updated_at) VALUES ({0}, {1}, {2}, {3}, {4}, 'Revenue', {5}, 'EUR', false, 'Approved', now())",
            "Team" => "INSERT INTO quotas (id, tenant_id, period_id, subject_kind, team_id, type, amount, currency, is_overlay, status, updated_at) VALUES ({0}, {1}, {2}, {3}, {4}, 'Revenue', {5}, 'EUR', false, 'Approved', now())",
            _ => "INSERT INTO quotas (id, tenant_id, period_id, subject_kind, territory_id, type, amount, currency, is_overlay, status, updated_at) VALUES ({0}, {1}, {2}, {3}, {4}, 'Revenue', {5}, 'EUR', false, 'Approved', now())",
        };
        await db.Database.ExecuteSqlRawAsync(sql, Guid.CreateVersion7(), Org.TenantId, Periods[period], kind, subject, amount);
    }

    /// <summary>S-1: 10,000.00 EUR on 2026-03-15, account N2 (North), split 60/40 between Rep 01 (owner) and Rep 02.</summary>
    public async Task<JsonNode> RecordSplitSaleAsync(string amount = "10000.00")
    {
        var result = await Sales.SalesWorld.RecordAsync(
            Admin,
            new
            {
                source = "crm",
                externalId = "S-1",
                amount,
                currency = "EUR",
                closeDate = "2026-03-15",
                accountId = Scenario.AccountIds["N2"],
                ownerParticipantId = Rep(1),
                coSellers = new[] { new { participantId = Rep(1), splitPercent = "60" }, new { participantId = Rep(2), splitPercent = "40" } },
            });
        Assert.Empty(result["errors"]!.AsArray());
        return result;
    }
}
