using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Accounts;

public sealed class AccountImportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Upsert = """
        mutation($input: UpsertAccountsInput!) { upsertAccounts(input: $input) { created updated unchanged errors { code message field } } }
        """;

    private static async Task<(HttpStatusCode Status, JsonNode Report)> PostCsvAsync(HttpClient client, string file, string contentType = "text/csv")
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryRoot.File("tests", "Spm.Api.Tests", "Accounts", "Files", file)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync(new Uri("/import/accounts", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text.Length == 0 ? "{}" : text)!);
    }

    private async Task<int> AuditCountAsync(Guid tenantId, string action)
    {
        await using var db = fixture.CreateContext(tenantId);
        return await db.AuditLog.CountAsync(e => e.Action == action);
    }

    [Fact]
    public async Task A_csv_file_imports_quoted_fields_and_a_reimport_changes_nothing_and_audits_nothing()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var admin = fixture.Api.ClientFor(org.TenantId, "admin");

        var (status, first) = await PostCsvAsync(admin, "accounts-good.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, first["rows"]!.GetValue<int>());
        Assert.Equal(5, first["created"]!.GetValue<int>());
        Assert.Empty(first["errors"]!.AsArray());
        Assert.Equal(5, await AuditCountAsync(org.TenantId, "account.create"));

        var (_, second) = await PostCsvAsync(admin, "accounts-good.csv");
        Assert.Equal("0/0/5", $"{second["created"]}/{second["updated"]}/{second["unchanged"]}");
        Assert.Equal(5, await AuditCountAsync(org.TenantId, "account.create"));
        Assert.Equal(0, await AuditCountAsync(org.TenantId, "account.update"));

        await using var db = fixture.CreateContext(org.TenantId);
        var accounts = await db.Accounts.ToDictionaryAsync(a => a.ExternalId);
        Assert.Equal("Harbor Logistics, Inc.", accounts["US-001"].Name);
        Assert.Equal(1250000.50m, accounts["US-001"].AnnualRevenue);
        Assert.Equal(-122.394m, accounts["US-001"].Longitude);
        Assert.Equal("The \"Big\" Bakery", accounts["US-002"].Name);
        Assert.Equal("US", accounts["US-002"].Country);
        Assert.Equal("Thames\nRobotics", accounts["UK-001"].Name);
        Assert.Equal("SW1A 1AA", accounts["UK-001"].PostalCode);
        Assert.Equal("München", accounts["DE-001"].City);
        Assert.Equal("Bayern", accounts["DE-001"].Region);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_row_and_column_and_the_good_rows_land()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        var (status, report) = await PostCsvAsync(admin, "accounts-bad.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, report["rows"]!.GetValue<int>());
        Assert.Equal(2, report["created"]!.GetValue<int>());
        Assert.Equal(8, report["rejected"]!.GetValue<int>());
        Assert.Equal(
            [
                "3|employeeCount|NOT_A_NUMBER",
                "4|annualRevenue|NOT_A_NUMBER",
                "5||MALFORMED_CSV",
                "6|externalId|DUPLICATE",
                "7||FIELD_COUNT",
                "8||MALFORMED_CSV",
                "9|potential|NEGATIVE",
                "11||MALFORMED_CSV",
            ],
            report["errors"]!.AsArray().Select(e => $"{e!["row"]}|{e["column"]}|{e["code"]}"));
        Assert.Contains("row 2", report["errors"]![3]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(["B-001", "B-008"], await db.Accounts.OrderBy(a => a.ExternalId).Select(a => a.ExternalId).ToListAsync());
        Assert.Equal("Good Row One", (await db.Accounts.SingleAsync(a => a.ExternalId == "B-001")).Name);
    }

    [Fact]
    public async Task A_bad_header_or_content_type_writes_nothing_and_writing_needs_WritePlanning()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var admin = fixture.Api.ClientFor(org.TenantId, "admin");

        var (status, report) = await PostCsvAsync(admin, "accounts-unknown-column.csv");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Unknown column 'vertical'", report["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostCsvAsync(admin, "accounts-good.csv", "application/json")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostCsvAsync(fixture.Api.ClientFor(org.TenantId, "manager"), "accounts-good.csv")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostCsvAsync(fixture.Api.CreateClient(), "accounts-good.csv")).Status);

        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task Upserting_over_graphql_is_idempotent_and_refuses_a_batch_with_any_bad_row()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        object[] rows =
        [
            new { externalId = "G-1", name = "Alpha", country = "US", postalCode = "10001", employeeCount = 10, potential = "1000" },
            new { externalId = "G-2", name = "Beta", country = "DE", postalCode = "80331", employeeCount = 20, potential = "2000.5" },
        ];
        var first = (await admin.DataAsync(Upsert, new { input = new { accounts = rows } }))["upsertAccounts"]!;
        Assert.Equal("2/0/0", $"{first["created"]}/{first["updated"]}/{first["unchanged"]}");

        // The same values written differently ("2000.50", padded text) are not a change.
        object[] again =
        [
            new { externalId = "G-1", name = " Alpha ", country = "us", postalCode = "10001", employeeCount = 10, potential = "1000.00" },
            new { externalId = "G-2", name = "Beta", country = "DE", postalCode = "80331", employeeCount = 21, potential = "2000.50" },
        ];
        var second = (await admin.DataAsync(Upsert, new { input = new { accounts = again } }))["upsertAccounts"]!;
        Assert.Equal("0/1/1", $"{second["created"]}/{second["updated"]}/{second["unchanged"]}");
        Assert.Equal(1, await AuditCountAsync(org.TenantId, "account.update"));

        object[] bad =
        [
            new { externalId = "G-3", name = "Gamma", employeeCount = -1 },
            new { externalId = "G-1", name = "Alpha renamed" },
            new { externalId = "G-3", name = "Gamma again" },
        ];
        var refused = (await admin.DataAsync(Upsert, new { input = new { accounts = bad } }))["upsertAccounts"]!;
        Assert.Equal(
            ["input.accounts.0.employeeCount NEGATIVE", "input.accounts.2.externalId DUPLICATE"],
            refused["errors"]!.AsArray().Select(e => $"{string.Join('.', e!["field"]!.AsArray().Select(f => f!.GetValue<string>()))} {e["code"]}"));
        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal("Alpha", (await db.Accounts.SingleAsync(a => a.ExternalId == "G-1")).Name);
        Assert.Equal(2, await db.Accounts.CountAsync());
    }
}
