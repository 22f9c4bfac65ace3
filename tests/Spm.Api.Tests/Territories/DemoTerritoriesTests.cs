using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Territories;
using Spm.Infrastructure.Seeding;

namespace Spm.Api.Tests.Territories;

public sealed class DemoTerritoriesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_demo_market_is_seeded_once_covers_every_account_and_gives_every_rep_a_territory()
    {
        Guid tenantId;
        await using (var db = fixture.CreateContext(null))
        {
            tenantId = await new DemoTenantSeeder(db, Clock).SeedAsync(default);
        }

        await using (var db = fixture.CreateContext(null))
        {
            // A second run (as every ./spm up does) adds nothing.
            Assert.Equal(tenantId, await new DemoTenantSeeder(db, Clock).SeedAsync(default));
        }

        await using (var db = fixture.CreateContext(tenantId))
        {
            Assert.Equal(DemoTerritoriesSeeder.AccountCount, await db.Accounts.CountAsync());

            // 5 regions, 11 areas, 60 leaves; 60 primaries (one per rep) and 2 overlay specialists.
            Assert.Equal(76, await db.Territories.CountAsync());
            Assert.Equal(60, await db.TerritoryAssignments.CountAsync(a => a.Role == TerritoryRole.Primary));
            Assert.Equal(2, await db.TerritoryAssignments.CountAsync(a => a.Role == TerritoryRole.Overlay));
            Assert.Equal(60, await db.TerritoryAssignments.Where(a => a.Role == TerritoryRole.Primary).Select(a => a.ParticipantId).Distinct().CountAsync());
        }

        var admin = fixture.Api.ClientFor(tenantId, "admin");
        var data = await admin.DataAsync("""
            {
              territories(asOf: "2026-11-01") { name children { name children { name } } }
              territoryCoverage(asOf: "2026-11-01") { unmatchedCount }
              accounts(first: 1, search: "ACME-000001") { nodes { id postalCode country } }
            }
            """);
        Assert.Equal(["North America East", "North America West", "EMEA", "APAC", "LATAM"], data["territories"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(0, data["territoryCoverage"]!["unmatchedCount"]!.GetValue<int>());

        // Every account lands in a leaf that a rep owns on a date after every demo hire.
        var id = data["accounts"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var resolved = await admin.DataAsync("""query($a: ID!) { resolveTerritory(accountId: $a, date: "2026-11-01") { path { name } owners { role splitPercent } } }""", new { a = id });
        Assert.Equal(3, resolved["resolveTerritory"]!["path"]!.AsArray().Count);
        Assert.Contains(resolved["resolveTerritory"]!["owners"]!.AsArray(), o => o!["role"]!.GetValue<string>() == "PRIMARY" && o["splitPercent"]!.GetValue<string>() == "100");
    }
}
