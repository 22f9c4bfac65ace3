using Spm.Api.Features.Access;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Access;
using Spm.Domain.Organisation;

namespace Spm.Api.Tests.Access;

/// <summary>
/// Tenant B's callers run every root field of <see cref="AccessMatrixTable"/> with tenant A's
/// ids: they get null, empty lists or NOT_FOUND, never A's data, and A is left unchanged.
/// </summary>
public sealed class CrossTenantTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Every_root_field_with_another_tenants_ids_finds_nothing_and_changes_nothing()
    {
        var a = await SeedTenantAAsync();
        var b = await TestData.CreateTenantAsync(fixture, reps: 1);
        var leaks = new List<string>();

        foreach (var row in AccessMatrixTable.Rows.Where(r => r.Operation is "query" or "mutation"))
        {
            foreach (var role in row.AllowedRoles)
            {
                using var client = fixture.Api.ClientFor(b.TenantId, role);
                var response = await client.QueryAsync(row.With(a.Ids));
                var text = response.ToJsonString();
                leaks.AddRange(a.Markers.Where(m => text.Contains(m, StringComparison.Ordinal)).Select(m => $"{row} as {role} revealed '{m}': {text}"));
                if (AccessMatrixTests.IsDenied(response))
                {
                    leaks.Add($"{row} as {role} was denied, so it proved nothing: {text}");
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));

        // A's objects are still there and untouched.
        using var adminA = fixture.Api.ClientFor(a.TenantId, "admin");
        var seenByA = await adminA.DataAsync("{ clients(includeRevoked: true) { id revokedAt } displays { id paired } }");
        Assert.Equal(a.Ids["client"], seenByA["clients"]![0]!["id"]!.GetValue<string>());
        Assert.Null(seenByA["clients"]![0]!["revokedAt"]);
        Assert.True(seenByA["displays"]![0]!["paired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Node_and_nodes_answer_null_for_every_foreign_type_and_mutations_say_not_found()
    {
        var a = await SeedTenantAAsync();
        var b = await TestData.CreateTenantAsync(fixture, reps: 1);
        using var adminB = fixture.Api.ClientFor(b.TenantId, "admin");

        var nodes = await adminB.DataAsync(AccessMatrixTable.Rows.Single(r => r.Field == "nodes").With(a.Ids));
        var unpair = await adminB.DataAsync(AccessMatrixTable.Rows.Single(r => r.Field == "unpairDisplay").With(a.Ids));
        var revoke = await adminB.DataAsync(AccessMatrixTable.Rows.Single(r => r.Field == "revokeClient").With(a.Ids));
        var invite = await adminB.DataAsync(AccessMatrixTable.Rows.Single(r => r.Field == "inviteUser").With(a.Ids));

        Assert.Equal(6, nodes["nodes"]!.AsArray().Count);
        Assert.All(nodes["nodes"]!.AsArray(), n => Assert.Null(n));
        Assert.Equal("NOT_FOUND", unpair["unpairDisplay"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", revoke["revokeClient"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", invite["inviteUser"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(["input", "participantId"], invite["inviteUser"]!["errors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()));

        // The same ids resolve for tenant A's admin, so the nulls above are the tenant wall, not bad ids.
        using var adminA = fixture.Api.ClientFor(a.TenantId, "admin");
        var own = await adminA.DataAsync(AccessMatrixTable.Rows.Single(r => r.Field == "nodes").With(a.Ids));
        Assert.All(own["nodes"]!.AsArray(), n => Assert.NotNull(n));
    }

    private async Task<TenantA> SeedTenantAAsync()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var period = new Period(Guid.CreateVersion7(), org.TenantId, PeriodKind.FiscalYear, 2027, 1, "FY2027", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null);
        var display = new Display(Guid.CreateVersion7(), org.TenantId, "A screen " + Guid.NewGuid().ToString("N")[..8], ["board-a"], "someone", DateTimeOffset.UtcNow, "authorization-" + Guid.NewGuid().ToString("N"));
        await using (var db = fixture.CreateContext(org.TenantId))
        {
            db.AddRange(period, display);
            await db.SaveChangesAsync();
        }

        using var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        var clientName = "A client " + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.DataAsync(
            "mutation($name: String!) { createClient(input: {name: $name, role: PARTNER, scopes: [\"spm.read\"]}) { client { id clientId } errors { code } } }",
            new { name = clientName });
        var client = created["createClient"]!["client"]!;
        var documentMarker = "OnlyTenantA" + Guid.NewGuid().ToString("N")[..8];
        var registered = await admin.DataAsync(
            "mutation($d: String!) { registerPersistedDocuments(input: {documents: [$d]}) { errors { code } } }",
            new { d = $"query {documentMarker} {{ me {{ kind }} }}" });
        Assert.Empty(registered["registerPersistedDocuments"]!["errors"]!.AsArray());
        string tenantSlug;
        await using (var db = fixture.CreateContext(org.TenantId))
        {
            tenantSlug = db.Tenants.Single(t => t.Id == org.TenantId).Slug;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["participant"] = GlobalId.Encode(ParticipantGraphType.TypeName, org.RepIds[0]),
            ["team"] = GlobalId.Encode(TeamGraphType.TypeName, org.TeamId),
            ["period"] = GlobalId.Encode(PeriodGraphType.TypeName, period.Id),
            ["tenant"] = GlobalId.Encode(TenantGraphType.TypeName, org.TenantId),
            ["display"] = GlobalId.Encode(DisplayGraphType.TypeName, display.Id),
            ["client"] = client["id"]!.GetValue<string>(),
        };
        var markers = ids.Values.Concat([org.TenantId.ToString("D"), tenantSlug, display.Name, clientName, documentMarker, client["clientId"]!.GetValue<string>()]).ToList();
        return new TenantA(org.TenantId, ids, markers);
    }

    private sealed record TenantA(Guid TenantId, IReadOnlyDictionary<string, string> Ids, IReadOnlyList<string> Markers);
}
