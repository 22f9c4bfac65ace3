using System.Globalization;
using System.Text.Json.Nodes;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Organisation;

namespace Spm.Api.Tests.Quotas;

/// <summary>
/// A small sales organisation for planning tests, fiscal year = calendar year:
/// Company (VP) > North (manager Nora: reps N1-N3 and overlay NO) and South (manager Sam: reps S1-S4, S4 hired
/// 2027-03-10, so ramped in FY2027). Ids are fixed per tenant so tests can name people.
/// </summary>
public sealed record PlanningOrg(Guid TenantId, Guid Company, Guid North, Guid South, Guid Vp, Guid Nora, Guid Sam, IReadOnlyDictionary<string, Guid> Reps)
{
    public static readonly string[] Seasonality = ["0.06", "0.07", "0.08", "0.07", "0.08", "0.09", "0.08", "0.08", "0.09", "0.08", "0.09", "0.13"];

    private static readonly string[] Ramp = ["0.25", "0.5", "0.75"];

    public static async Task<PlanningOrg> CreateAsync(DatabaseFixture fixture)
    {
        var tenantId = Guid.CreateVersion7();
        await using var db = fixture.CreateContext(tenantId);
        db.Tenants.Add(new Tenant(tenantId, "Planning test", $"p{tenantId:N}"[..30], "Europe/London", "EUR", 1));
        var company = new Team(Guid.CreateVersion7(), tenantId, "Company", null, null);
        var north = new Team(Guid.CreateVersion7(), tenantId, "North", company.Id, null);
        var south = new Team(Guid.CreateVersion7(), tenantId, "South", company.Id, null);
        db.AddRange(company, north, south);
        Participant Person(string name, ParticipantRole role, DateOnly hired, Team team, Participant? manager)
        {
            var p = new Participant(Guid.CreateVersion7(), tenantId, name, $"{name.ToLowerInvariant()}.{tenantId:N}@example.com", role, hired, "EUR");
            p.JoinTeam(team.Id);
            if (manager is not null)
            {
                p.ReportTo(manager.Id, _ => null);
            }

            db.Add(p);
            return p;
        }

        var vp = Person("Vic", ParticipantRole.Executive, new DateOnly(2019, 1, 1), company, null);
        var nora = Person("Nora", ParticipantRole.Manager, new DateOnly(2020, 1, 1), north, vp);
        var sam = Person("Sam", ParticipantRole.Manager, new DateOnly(2020, 1, 1), south, vp);
        var reps = new Dictionary<string, Guid>
        {
            ["N1"] = Person("N1", ParticipantRole.Rep, new DateOnly(2023, 5, 1), north, nora).Id,
            ["N2"] = Person("N2", ParticipantRole.Rep, new DateOnly(2023, 6, 1), north, nora).Id,
            ["N3"] = Person("N3", ParticipantRole.Rep, new DateOnly(2024, 1, 15), north, nora).Id,
            ["NO"] = Person("NO", ParticipantRole.Overlay, new DateOnly(2022, 1, 1), north, nora).Id,
            ["S1"] = Person("S1", ParticipantRole.Rep, new DateOnly(2022, 2, 1), south, sam).Id,
            ["S2"] = Person("S2", ParticipantRole.Rep, new DateOnly(2022, 3, 1), south, sam).Id,
            ["S3"] = Person("S3", ParticipantRole.Rep, new DateOnly(2025, 7, 1), south, sam).Id,
            ["S4"] = Person("S4", ParticipantRole.Rep, new DateOnly(2027, 3, 10), south, sam).Id,
        };
        await db.SaveChangesAsync();
        company.SetManager(vp.Id);
        north.SetManager(nora.Id);
        south.SetManager(sam.Id);
        await db.SaveChangesAsync();
        return new PlanningOrg(tenantId, company.Id, north.Id, south.Id, vp.Id, nora.Id, sam.Id, reps);
    }

    public HttpClient Admin(DatabaseFixture fixture) => fixture.Api.ClientFor(TenantId, "admin");

    /// <summary>A person's client: a manager or rep token linked to the participant.</summary>
    public HttpClient As(DatabaseFixture fixture, string role, Guid participant)
    {
        var client = fixture.Api.ClientFor(TenantId, role);
        client.DefaultRequestHeaders.Add("X-Test-Participant", participant.ToString());
        return client;
    }

    public static string Id(string type, Guid id) => GlobalId.Encode(type, id);

    /// <summary>Creates the FY2027 plan: a target that splits awkwardly, uneven seasonality, a three-month ramp.</summary>
    public async Task<string> CreatePlanAsync(DatabaseFixture fixture, string target = "1000000.07")
    {
        var data = await Admin(fixture).DataAsync(
            """
            mutation($input: CreateSalesPlanInput!) { createSalesPlan(input: $input) { salesPlan { id } errors { code message field } } }
            """,
            new
            {
                input = new
                {
                    fiscalYear = 2027,
                    revenueTarget = target,
                    seasonality = Seasonality,
                    productivityPerRampedRepPerMonth = "20000",
                    rampCurve = Ramp,
                    annualAttritionRate = "0.12",
                    hiringLeadTimeMonths = 2,
                },
            });
        var payload = data["createSalesPlan"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["salesPlan"]!["id"]!.GetValue<string>();
    }

    public static decimal Dec(JsonNode? node) => decimal.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);

    public static void AssertNoErrors(JsonNode payload) => Assert.True(payload["errors"]!.AsArray().Count == 0, payload["errors"]!.ToJsonString());

    /// <summary>The single user error of a refused payload, as (code, dotted field).</summary>
    public static (string Code, string Field) SingleError(JsonNode payload)
    {
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        return (error["code"]!.GetValue<string>(), string.Join('.', error["field"]!.AsArray().Select(f => f!.GetValue<string>())));
    }
}
