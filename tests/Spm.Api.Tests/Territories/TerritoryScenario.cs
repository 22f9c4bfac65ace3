using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Tests.Territories;

/// <summary>
/// A small known territory design built through the API:
/// West (country US) > North (postal prefix 9, priority 0), South (postal prefixes 8 and 94, priority 1).
/// Accounts, all potential 100: N1 94105 (revenue 10; South's "94" claims it too), N2 95014 (revenue 20), N3 96001,
/// N4 97001 in North; S1 85001 (revenue 30) in South; C1, a Canadian account no territory covers (potential 50).
/// </summary>
internal sealed class TerritoryScenario
{
    public const string Upsert = """
        mutation($input: UpsertAccountsInput!) { upsertAccounts(input: $input) { created updated unchanged accounts { id externalId } errors { code message field } } }
        """;

    public const string Create = """
        mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { territory { id name } errors { code message field } } }
        """;

    public static readonly object[] Accounts =
    [
        new { externalId = "N1", name = "Golden Gate Dental", country = "US", region = "CA", postalCode = "94105", industry = "Health", employeeCount = 40, annualRevenue = "10", potential = "100" },
        new { externalId = "N2", name = "Cupertino Tools", country = "US", region = "CA", postalCode = "95014", industry = "Manufacturing", employeeCount = 300, annualRevenue = "20", potential = "100" },
        new { externalId = "N3", name = "Fresno Farms", country = "US", region = "CA", postalCode = "96001", industry = "Agriculture", employeeCount = 12, potential = "100" },
        new { externalId = "N4", name = "Portland Print", country = "US", region = "OR", postalCode = "97001", industry = "Retail", employeeCount = 8, potential = "100" },
        new { externalId = "S1", name = "Phoenix Solar", country = "US", region = "AZ", postalCode = "85001", industry = "Energy", employeeCount = 150, annualRevenue = "30", potential = "100" },
        new { externalId = "C1", name = "Toronto Tea", country = "CA", region = "ON", postalCode = "M5V 3L9", industry = "Retail", employeeCount = 5, potential = "50" },
    ];

    public required HttpClient Admin { get; init; }

    public required TestData.SmallTenant Org { get; init; }

    public Dictionary<string, string> AccountIds { get; } = new(StringComparer.Ordinal);

    public string West { get; private set; } = string.Empty;

    public string North { get; private set; } = string.Empty;

    public string South { get; private set; } = string.Empty;

    public static async Task<TerritoryScenario> CreateAsync(DatabaseFixture fixture)
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 3);

        // A fresh in-process host builds its EF model on first use; do it here, outside the 30 s GraphQL execution
        // timeout, which a cold first mutation exceeded once when the whole suite ran on a loaded 2-core machine.
        await using (var scope = fixture.Api.Services.CreateAsyncScope())
        await using (var warm = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync())
        {
            _ = await warm.Accounts.IgnoreQueryFilters().AnyAsync();
        }

        var scenario = new TerritoryScenario { Admin = fixture.Api.ClientFor(org.TenantId, "admin"), Org = org };
        var upserted = (await scenario.Admin.DataAsync(Upsert, new { input = new { accounts = Accounts } }))["upsertAccounts"]!;
        Assert.Empty(upserted["errors"]!.AsArray());
        foreach (var a in upserted["accounts"]!.AsArray())
        {
            scenario.AccountIds[a!["externalId"]!.GetValue<string>()] = a["id"]!.GetValue<string>();
        }

        scenario.West = await scenario.CreateTerritoryAsync(new { name = "West", level = "region", effectiveFrom = "2025-01-01", rules = new[] { new { kind = "EQUAL_TO", attribute = "country", value = "US" } } });
        scenario.North = await scenario.CreateTerritoryAsync(new { name = "North", level = "territory", parentId = scenario.West, priority = 0, effectiveFrom = "2025-01-01", rules = new[] { new { kind = "POSTAL_PREFIX", values = (string[])["9"] } } });
        scenario.South = await scenario.CreateTerritoryAsync(new { name = "South", level = "territory", parentId = scenario.West, priority = 1, effectiveFrom = "2025-01-01", rules = new[] { new { kind = "POSTAL_PREFIX", values = (string[])["8", "94"] } } });
        return scenario;
    }

    public async Task<string> CreateTerritoryAsync(object input)
    {
        var payload = (await Admin.DataAsync(Create, new { input }))["createTerritory"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["territory"]!["id"]!.GetValue<string>();
    }

    public string Rep(int i) => GlobalId.Encode("Participant", Org.RepIds[i]);

    public static string[] Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];
}
