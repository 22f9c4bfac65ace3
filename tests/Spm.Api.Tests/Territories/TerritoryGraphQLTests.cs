using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Snapshooter.Xunit;
using Spm.Api.Auth;
using Spm.Api.Features.Quotas;
using Spm.Api.Tests.Infrastructure;
using static Spm.Api.Tests.Territories.TerritoryScenario;

namespace Spm.Api.Tests.Territories;

public sealed class TerritoryGraphQLTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Tree = """
        query($asOf: Date) {
          territories(asOf: $asOf) {
            name level priority effectiveFrom ruleMatch
            rules { kind attribute value values }
            metrics { accountCount potential openPipeline lastYearRevenue }
            children {
              name level priority
              rules { kind attribute values }
              metrics { accountCount potential openPipeline lastYearRevenue }
              accounts(first: 10) { totalCount nodes { externalId } }
            }
          }
        }
        """;

    [Fact]
    public async Task The_tree_with_rules_members_and_metrics_matches_the_snapshot()
    {
        var s = await CreateAsync(fixture);
        var data = await s.Admin.DataAsync(Tree, new { asOf = "2025-06-01" });

        // North: N1..N4 (N1 also matches South's "94" but North comes first), potential 4 x 100; no sales, no pipeline yet.
        var north = data["territories"]![0]!["children"]![0]!;
        Assert.Equal(4, north["accounts"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("400.00", north["metrics"]!["potential"]!.GetValue<string>());
        Assert.Equal("0", north["metrics"]!["lastYearRevenue"]!.GetValue<string>());
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(data.ToJsonString()));

        // Before the territories start there is nothing.
        var before = await s.Admin.DataAsync(Tree, new { asOf = "2024-12-31" });
        Assert.Empty(before["territories"]!.AsArray());
    }

    [Fact]
    public async Task Open_pipeline_and_last_years_revenue_come_from_opportunities_and_sales_in_reporting_currency()
    {
        var s = await CreateAsync(fixture);
        var tenant = s.Org.TenantId;
        var owner = s.Org.RepIds[0];
        await using (var db = fixture.CreateContext(tenant))
        {
            var ids = await db.Accounts.Where(a => a.ExternalId == "N1" || a.ExternalId == "N2").ToDictionaryAsync(a => a.ExternalId, a => a.Id);
            // Reporting currency EUR; 1 USD = 0.9 EUR from 2025-01-01.
            db.FxRates.Add(new Spm.Domain.Currency.FxRate(tenant, "USD", "EUR", 0.9m, new DateOnly(2025, 1, 1)));
            db.Sales.AddRange(
                Sale(tenant, ids["N1"], owner, 10m, new DateOnly(2025, 1, 15), cancelled: false),
                Sale(tenant, ids["N2"], owner, 20m, new DateOnly(2024, 7, 1), cancelled: false),
                Sale(tenant, ids["N2"], owner, 500m, new DateOnly(2024, 5, 31), cancelled: false),
                Sale(tenant, ids["N1"], owner, 999m, new DateOnly(2025, 2, 1), cancelled: true));
            db.Opportunities.AddRange(
                Opportunity(tenant, ids["N1"], owner, 100m, "USD", wonOn: null),
                Opportunity(tenant, ids["N2"], owner, 50m, "EUR", wonOn: null),
                Opportunity(tenant, ids["N2"], owner, 7000m, "EUR", wonOn: new DateOnly(2025, 3, 1)));
            await db.SaveChangesAsync();
        }

        var data = await s.Admin.DataAsync(Tree, new { asOf = "2025-06-01" });

        // Revenue: 10 + 20 (the 2024-05-31 sale is more than a year before, the cancelled one does not count) = 30.00.
        // Pipeline: 100 USD x 0.9 = 90.00 EUR, plus 50.00 EUR open; the won 7,000 is not pipeline = 140.00.
        var north = data["territories"]![0]!["children"]![0]!["metrics"]!;
        Assert.Equal("30.00", north["lastYearRevenue"]!.GetValue<string>());
        Assert.Equal("140.00", north["openPipeline"]!.GetValue<string>());
    }

    private static Spm.Infrastructure.Sales.StoredSale Sale(Guid tenant, Guid account, Guid owner, decimal amount, DateOnly closed, bool cancelled) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenant,
        Source = "test",
        ExternalId = Guid.NewGuid().ToString("N"),
        CurrentRevision = 1,
        IsCancelled = cancelled,
        ContentHash = "test",
        Amount = amount,
        Currency = "EUR",
        ReportingAmount = amount,
        ReportingCurrency = "EUR",
        CloseDate = closed,
        AccountId = account,
        OwnerParticipantId = owner,
        RecordedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static Spm.Infrastructure.Pipeline.Opportunity Opportunity(Guid tenant, Guid account, Guid owner, decimal amount, string currency, DateOnly? wonOn) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenant,
        Source = "test",
        ExternalId = Guid.NewGuid().ToString("N"),
        AccountId = account,
        OwnerParticipantId = owner,
        Stage = wonOn is null ? "proposal" : "won",
        Amount = amount,
        Currency = currency,
        Probability = 0.5m,
        CreatedOn = new DateOnly(2025, 1, 2),
        WonOn = wonOn,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Coverage_reports_the_uncovered_account_and_the_double_claim_at_level_one()
    {
        var s = await CreateAsync(fixture);
        var coverage = (await s.Admin.DataAsync("""
            { territoryCoverage(asOf: "2025-06-01") { unmatchedCount unmatchedAccounts { externalId } overlapCount overlaps { account { externalId } level territories { name } } } }
            """))["territoryCoverage"]!;
        Assert.Equal(1, coverage["unmatchedCount"]!.GetValue<int>());
        Assert.Equal("C1", coverage["unmatchedAccounts"]![0]!["externalId"]!.GetValue<string>());
        var overlap = Assert.Single(coverage["overlaps"]!.AsArray())!;
        Assert.Equal("N1", overlap["account"]!["externalId"]!.GetValue<string>());
        Assert.Equal(1, overlap["level"]!.GetValue<int>());
        Assert.Equal(["North", "South"], overlap["territories"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));

        var topLevelOnly = (await s.Admin.DataAsync("""{ territoryCoverage(asOf: "2025-06-01", level: 0) { overlapCount } }"""))["territoryCoverage"]!;
        Assert.Equal(0, topLevelOnly["overlapCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Balance_of_the_children_gives_each_metric_and_its_coefficient_of_variation()
    {
        var s = await CreateAsync(fixture);
        var balance = (await s.Admin.DataAsync(
            """query($p: ID) { territoryBalance(parentId: $p, asOf: "2025-06-01") { children { territory { name } metrics { accountCount potential } } indexes { metric index } } }""",
            new { p = s.West }))["territoryBalance"]!;
        Assert.Equal([4, 1], balance["children"]!.AsArray().Select(c => c!["metrics"]!["accountCount"]!.GetValue<int>()));

        // Potential 400 / 100: mean 250, population sd 150, CV 0.6; account count 4 / 1: the same shape, 0.6.
        // Last year's revenue 30 / 30: 0. Open pipeline is 0 everywhere: 0.
        var indexes = balance["indexes"]!.AsArray().ToDictionary(i => i!["metric"]!.GetValue<string>(), i => i!["index"]!.GetValue<string>());
        Assert.Equal("0.6", indexes["POTENTIAL"]);
        Assert.Equal("0.6", indexes["ACCOUNT_COUNT"]);
        Assert.Equal("0", indexes["LAST_YEAR_REVENUE"]);
        Assert.Equal("0", indexes["OPEN_PIPELINE"]);
    }

    [Fact]
    public async Task Assignments_refuse_overlaps_and_primary_splits_above_100_and_resolution_names_the_owners()
    {
        var s = await CreateAsync(fixture);
        const string Assign = """
            mutation($input: AssignTerritoryParticipantInput!) { assignTerritoryParticipant(input: $input) { assignment { id splitPercent } errors { code message field } } }
            """;
        async Task<JsonNode> AssignAsync(string territory, int rep, string role, string split, string from, string? to = null) =>
            (await s.Admin.DataAsync(Assign, new { input = new { territoryId = territory, participantId = s.Rep(rep), role, splitPercent = split, effectiveFrom = from, effectiveTo = to } }))["assignTerritoryParticipant"]!;

        Assert.Empty(Codes(await AssignAsync(s.North, 0, "PRIMARY", "60", "2025-01-01")));
        Assert.Empty(Codes(await AssignAsync(s.North, 1, "PRIMARY", "40", "2025-01-01")));
        Assert.Empty(Codes(await AssignAsync(s.West, 2, "OVERLAY", "100", "2025-01-01")));

        // 60 + 40 + 10 = 110 % on 2025-03-01.
        var tooMuch = await AssignAsync(s.North, 2, "PRIMARY", "10", "2025-03-01");
        Assert.Equal(["ASSIGNMENT_SPLIT_TOTAL"], Codes(tooMuch));
        Assert.Contains("110 % on 2025-03-01", tooMuch["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Rep 1 already holds North as primary from 2025-01-01 (open-ended).
        var overlap = await AssignAsync(s.North, 0, "PRIMARY", "10", "2026-01-01", "2026-12-31");
        Assert.Equal(["ASSIGNMENT_OVERLAP"], Codes(overlap));
        Assert.Equal(["input", "effectiveFrom"], overlap["errors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()));

        var resolved = (await s.Admin.DataAsync(
            """query($a: ID!) { resolveTerritory(accountId: $a, date: "2025-06-01") { territory { name } path { name } byOverride owners { participant { name } territory { name } role splitPercent } } }""",
            new { a = s.AccountIds["N1"] }))["resolveTerritory"]!;
        Assert.Equal("North", resolved["territory"]!["name"]!.GetValue<string>());
        Assert.Equal(["West", "North"], resolved["path"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(
            ["Rep 01|North|PRIMARY|60", "Rep 02|North|PRIMARY|40", "Rep 03|West|OVERLAY|100"],
            resolved["owners"]!.AsArray().Select(o => $"{o!["participant"]!["name"]}|{o["territory"]!["name"]}|{o["role"]}|{o["splitPercent"]}"));

        // Before the assignments start, the territory has no owners.
        var earlier = (await s.Admin.DataAsync("""query($a: ID!) { resolveTerritory(accountId: $a, date: "2024-06-01") { territory { name } owners { role } } }""", new { a = s.AccountIds["N1"] }))["resolveTerritory"]!;
        Assert.Null(earlier["territory"]);
        Assert.Empty(earlier["owners"]!.AsArray());
    }

    [Fact]
    public async Task Territory_potential_weights_are_potential_times_split_over_primary_assignments()
    {
        var s = await CreateAsync(fixture);
        const string Assign = "mutation($input: AssignTerritoryParticipantInput!) { assignTerritoryParticipant(input: $input) { errors { code } } }";
        await s.Admin.DataAsync(Assign, new { input = new { territoryId = s.North, participantId = s.Rep(0), role = "PRIMARY", splitPercent = "60", effectiveFrom = "2025-01-01" } });
        await s.Admin.DataAsync(Assign, new { input = new { territoryId = s.North, participantId = s.Rep(1), role = "PRIMARY", splitPercent = "40", effectiveFrom = "2025-01-01", effectiveTo = "2025-03-31" } });
        await s.Admin.DataAsync(Assign, new { input = new { territoryId = s.South, participantId = s.Rep(1), role = "PRIMARY", splitPercent = "50", effectiveFrom = "2025-01-01" } });
        await s.Admin.DataAsync(Assign, new { input = new { territoryId = s.West, participantId = s.Rep(2), role = "OVERLAY", splitPercent = "100", effectiveFrom = "2025-01-01" } });

        await using var scope = fixture.Api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SpmClaims.Tenant, s.Org.TenantId.ToString())], "test")),
        };
        var source = scope.ServiceProvider.GetServices<IAllocationWeightSource>().Single(w => w.Basis == AllocationWeightBasis.TerritoryPotential);

        // North potential 400, South 100. On 2025-02-01: rep 1 = 400 x 60 % = 240; rep 2 = 400 x 40 % + 100 x 50 % = 210;
        // rep 3 is an overlay only: 0. On 2025-06-01 rep 2's North assignment has ended: 100 x 50 % = 50.
        var february = await source.WeightsAsync(s.Org.RepIds, new DateOnly(2025, 2, 1), CancellationToken.None);
        Assert.Equal([240m, 210m, 0m], s.Org.RepIds.Select(id => february[id]));
        var june = await source.WeightsAsync(s.Org.RepIds, new DateOnly(2025, 6, 1), CancellationToken.None);
        Assert.Equal([240m, 50m, 0m], s.Org.RepIds.Select(id => june[id]));
    }

    [Fact]
    public async Task A_cycle_is_refused_by_the_domain_and_by_the_database()
    {
        var s = await CreateAsync(fixture);
        var moved = (await s.Admin.DataAsync(
            "mutation($input: MoveTerritoryInput!) { moveTerritory(input: $input) { territory { name } errors { code message field } } }",
            new { input = new { id = s.West, parentId = s.North } }))["moveTerritory"]!;
        Assert.Equal(["HIERARCHY_CYCLE"], Codes(moved));
        Assert.Null(moved["territory"]);

        // Nothing written: West is still at the top.
        var tree = await s.Admin.DataAsync("""{ territories(asOf: "2025-06-01") { name children { name } } }""");
        Assert.Equal("West", tree["territories"]![0]!["name"]!.GetValue<string>());

        // Another writer bypassing the API meets the trigger.
        await using var db = fixture.CreateContext(s.Org.TenantId);
        var north = await db.Territories.SingleAsync(t => t.Name == "North");
        var west = await db.Territories.SingleAsync(t => t.Name == "West");
        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"UPDATE territories SET parent_id = {north.Id} WHERE id = {west.Id}"));
        Assert.Equal("ck_territories_parent_id_acyclic", error.ConstraintName);
    }

    [Fact]
    public async Task A_rule_on_an_unknown_attribute_is_refused_naming_the_rule_and_the_attribute()
    {
        var s = await CreateAsync(fixture);
        var payload = (await s.Admin.DataAsync(
            "mutation($input: SetTerritoryRulesInput!) { setTerritoryRules(input: $input) { territory { name } errors { code message field } } }",
            new
            {
                input = new
                {
                    territoryId = s.North,
                    rules = new object[]
                    {
                        new { kind = "POSTAL_PREFIX", values = (string[])["9"] },
                        new { kind = "ANY_OF", operands = new object[] { new { kind = "EQUAL_TO", attribute = "industry", value = "Retail" }, new { kind = "IN_LIST", attribute = "vertical", values = (string[])["Retail"] } } },
                    },
                },
            }))["setTerritoryRules"]!;
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("TERRITORY_RULE_UNKNOWN_ATTRIBUTE", error["code"]!.GetValue<string>());
        Assert.StartsWith("Rule rules[1].operands[1]: Territory 'North': unknown account attribute 'vertical'.", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["input", "rules", "1", "operands", "1", "attribute"], error["field"]!.AsArray().Select(f => f!.GetValue<string>()));

        // The old rule still holds.
        var north = await s.Admin.DataAsync("query($id: ID!) { territory(id: $id, asOf: \"2025-06-01\") { rules { kind values } } }", new { id = s.North });
        Assert.Equal("9", north["territory"]!["rules"]![0]!["values"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Overrides_include_and_exclude_accounts_and_resolution_follows_at_once()
    {
        var s = await CreateAsync(fixture);
        const string Resolve = """query($a: ID!) { resolveTerritory(accountId: $a, date: "2025-06-01") { territory { name } byOverride } }""";
        var set = (await s.Admin.DataAsync(
            "mutation($input: SetTerritoryOverridesInput!) { setTerritoryOverrides(input: $input) { territory { overrides { kind account { externalId } } } errors { code } } }",
            new { input = new { territoryId = s.South, include = new[] { s.AccountIds["C1"] }, exclude = Array.Empty<string>() } }))["setTerritoryOverrides"]!;
        Assert.Empty(Codes(set));
        Assert.Equal("C1", set["territory"]!["overrides"]![0]!["account"]!["externalId"]!.GetValue<string>());
        var c1 = (await s.Admin.DataAsync(Resolve, new { a = s.AccountIds["C1"] }))["resolveTerritory"]!;
        Assert.Equal("South", c1["territory"]!["name"]!.GetValue<string>());
        Assert.True(c1["byOverride"]!.GetValue<bool>());

        // Excluding N1 from North lets it fall to South, the next territory whose rules ("94") match it.
        await s.Admin.DataAsync(
            "mutation($input: SetTerritoryOverridesInput!) { setTerritoryOverrides(input: $input) { errors { code } } }",
            new { input = new { territoryId = s.North, include = Array.Empty<string>(), exclude = new[] { s.AccountIds["N1"] } } });
        var n1 = (await s.Admin.DataAsync(Resolve, new { a = s.AccountIds["N1"] }))["resolveTerritory"]!;
        Assert.Equal("South", n1["territory"]!["name"]!.GetValue<string>());
        Assert.False(n1["byOverride"]!.GetValue<bool>());

        // An account can be included in one territory only.
        var twice = (await s.Admin.DataAsync(
            "mutation($input: SetTerritoryOverridesInput!) { setTerritoryOverrides(input: $input) { errors { code field } } }",
            new { input = new { territoryId = s.North, include = new[] { s.AccountIds["C1"] }, exclude = Array.Empty<string>() } }))["setTerritoryOverrides"]!;
        Assert.Equal(["OVERRIDE_CONFLICT"], Codes(twice));
    }

    [Fact]
    public async Task A_rebalance_proposal_is_stored_applied_as_overrides_and_refused_when_stale_or_applied_twice()
    {
        var s = await CreateAsync(fixture);
        const string Propose = """
            mutation($input: ProposeRebalanceInput!) { proposeRebalance(input: $input) { proposal { id moveCount movedAccountCount moves { from { name } to { name } accountCount potential } balance { metric before after } } errors { code message } } }
            """;
        const string Apply = "mutation($input: ApplyRebalanceInput!) { applyRebalance(input: $input) { proposal { appliedAt } errors { code message } } }";

        // North 4 accounts / 400, South 1 / 100: CV 0.6 on both. One move North -> South gives 3 / 2 (CV 0.2); a
        // second would only mirror it (2 / 3), so the rebalancer stops.
        var proposal = (await s.Admin.DataAsync(Propose, new { input = new { parentId = s.West, asOf = "2025-06-01" } }))["proposeRebalance"]!;
        Assert.Empty(Codes(proposal));
        var p = proposal["proposal"]!;
        Assert.Equal(1, p["moveCount"]!.GetValue<int>());
        Assert.Equal("North>South|1|100.00", $"{p["moves"]![0]!["from"]!["name"]}>{p["moves"]![0]!["to"]!["name"]}|{p["moves"]![0]!["accountCount"]}|{p["moves"]![0]!["potential"]}");
        Assert.Equal(["POTENTIAL 0.6 -> 0.2", "ACCOUNT_COUNT 0.6 -> 0.2"], p["balance"]!.AsArray().Select(b => $"{b!["metric"]} {b["before"]} -> {b["after"]}"));

        var stale = (await s.Admin.DataAsync(Propose, new { input = new { parentId = s.West, asOf = "2025-06-01" } }))["proposeRebalance"]!["proposal"]!["id"]!.GetValue<string>();

        var applied = (await s.Admin.DataAsync(Apply, new { input = new { proposalId = p["id"]!.GetValue<string>() } }))["applyRebalance"]!;
        Assert.Empty(Codes(applied));
        Assert.NotNull(applied["proposal"]!["appliedAt"]);
        var balance = (await s.Admin.DataAsync("""query($p: ID) { territoryBalance(parentId: $p, asOf: "2025-06-01") { children { metrics { accountCount } } } }""", new { p = s.West }))["territoryBalance"]!;
        Assert.Equal([3, 2], balance["children"]!.AsArray().Select(c => c!["metrics"]!["accountCount"]!.GetValue<int>()));

        Assert.Equal(["REBALANCE_APPLIED"], Codes((await s.Admin.DataAsync(Apply, new { input = new { proposalId = p["id"]!.GetValue<string>() } }))["applyRebalance"]!));
        Assert.Equal(["REBALANCE_STALE"], Codes((await s.Admin.DataAsync(Apply, new { input = new { proposalId = stale } }))["applyRebalance"]!));
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_it()
    {
        var s = await CreateAsync(fixture);
        var other = await TestData.CreateTenantAsync(fixture, reps: 1);
        var client = fixture.Api.ClientFor(other.TenantId, "admin");
        var data = await client.DataAsync(
            """
            query($t: ID!, $a: ID!) {
              accounts(first: 10) { totalCount }
              account(id: $a) { name }
              territories(asOf: "2025-06-01") { name }
              territory(id: $t) { name }
              resolveTerritory(accountId: $a, date: "2025-06-01") { territory { name } }
              territoryCoverage(asOf: "2025-06-01") { unmatchedCount overlapCount }
              node(id: $t) { id }
            }
            """,
            new { t = s.North, a = s.AccountIds["N1"] });
        Assert.Equal(0, data["accounts"]!["totalCount"]!.GetValue<int>());
        Assert.Null(data["account"]);
        Assert.Empty(data["territories"]!.AsArray());
        Assert.Null(data["territory"]);
        Assert.Null(data["resolveTerritory"]);
        Assert.Equal(0, data["territoryCoverage"]!["unmatchedCount"]!.GetValue<int>());
        Assert.Null(data["node"]);

        // And cannot change it: the territory is not found in the caller's tenant.
        var move = (await client.DataAsync("mutation($input: MoveTerritoryInput!) { moveTerritory(input: $input) { errors { code } } }", new { input = new { id = s.North } }))["moveTerritory"]!;
        Assert.Equal(["NOT_FOUND"], Codes(move));
    }

    [Fact]
    public async Task Reads_need_ReadPlanning_and_writes_need_WritePlanning()
    {
        var s = await CreateAsync(fixture);
        var rep = fixture.Api.ClientFor(s.Org.TenantId, "rep");
        var read = await rep.DataAsync("""{ territories(asOf: "2025-06-01") { name } }""");
        Assert.Single(read["territories"]!.AsArray());

        var write = await rep.QueryAsync("mutation($input: MoveTerritoryInput!) { moveTerritory(input: $input) { errors { code } } }", new { input = new { id = s.North } });
        Assert.NotEmpty(write["errors"]!.AsArray());
        Assert.Null(write["data"]?["moveTerritory"]);

        var display = await fixture.Api.ClientFor(s.Org.TenantId, "display").QueryAsync("""{ territories(asOf: "2025-06-01") { name } }""");
        Assert.NotEmpty(display["errors"]!.AsArray());
    }
}
