using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Sales;

/// <summary>
/// A small org for crediting tests: Mona manages Rep 01..03 (all paid in EUR, the reporting currency); rules
/// direct (10), split (20), roll-up (30) from 2026-01-01; USD quoted at 0.9 EUR from 2026-01-01.
/// </summary>
public sealed record SalesWorld(TestData.SmallTenant Org, HttpClient Admin)
{
    public const string RecordSales = """
        mutation($sales: [SaleInput!]!) { recordSales(input: { sales: $sales }) {
          results { index outcome sale { id externalId revision cancelled amount { amount currency } reportingAmount { amount currency } } }
          errors { code message field } } }
        """;

    public static async Task<SalesWorld> CreateAsync(DatabaseFixture fixture, bool withRates = true)
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 3);
        var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        var rules = await admin.DataAsync(
            """
            mutation { setCreditingRules(input: { rules: [
              { name: "owner", kind: DIRECT, order: 10, effectiveFrom: "2026-01-01" },
              { name: "co-sellers", kind: SPLIT, order: 20, effectiveFrom: "2026-01-01" },
              { name: "managers", kind: ROLLUP, order: 30, effectiveFrom: "2026-01-01" } ] }) { rules { id } errors { code } } }
            """);
        Assert.Empty(rules["setCreditingRules"]!["errors"]!.AsArray());
        if (withRates)
        {
            var rates = await admin.DataAsync("""mutation { setFxRates(input: { rates: [{ fromCurrency: "USD", toCurrency: "EUR", rate: "0.9", effectiveFrom: "2026-01-01" }] }) { errors { code } } }""");
            Assert.Empty(rates["setFxRates"]!["errors"]!.AsArray());
        }

        return new SalesWorld(org, admin);
    }

    public string Rep(int n) => GlobalId.Encode("Participant", Org.RepIds[n - 1]);

    public static object Sale(string externalId, string amount, string owner, string currency = "EUR", string closeDate = "2026-03-15", object[]? coSellers = null) =>
        new { source = "crm", externalId, amount, currency, closeDate, ownerParticipantId = owner, coSellers };

    public static async Task<JsonNode> RecordAsync(HttpClient client, params object[] sales) =>
        (await client.DataAsync(RecordSales, new { sales }))["recordSales"]!;

    /// <summary>Net credited amount per participant name over all ledger rows of the tenant, straight from PostgreSQL.</summary>
    public static async Task<Dictionary<string, decimal>> NetByNameAsync(DatabaseFixture fixture, Guid tenantId)
    {
        await using var db = fixture.CreateContext(tenantId);
        var rows = db.Credits.Join(db.Participants, c => c.ParticipantId, p => p.Id, (c, p) => new { p.Name, c.Amount }).ToList();
        return rows.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
    }

    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string body, string mediaType)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, mediaType);
        return await client.PostAsync("/ingest/sales", content);
    }

    public static async Task<JsonNode> ReportAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!;
}
