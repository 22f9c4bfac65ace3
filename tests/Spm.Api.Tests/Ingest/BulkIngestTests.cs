using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Sales;
using Spm.Domain.Sales;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Ingest;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Tests.Ingest;

public sealed class BulkIngestTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Good_rows_land_bad_rows_are_reported_by_row_and_field_and_a_resend_changes_nothing()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        var (r1, r2) = (world.Org.RepIds[0], world.Org.RepIds[1]);
        var file = string.Join('\n',
            $$"""{"source":"erp","externalId":"B-1","amount":1000.00,"currency":"EUR","closeDate":"2026-02-01","ownerParticipantId":"{{r1}}","coSellers":[{"participantId":"{{r1}}","splitPercent":60},{"participantId":"{{r2}}","splitPercent":40}]}""",
            $$"""{"source":"erp","externalId":"B-2","amount":"250.00","currency":"USD","closeDate":"2026-02-02","ownerParticipantId":"{{r2}}"}""",
            $$"""{"source":"erp","externalId":"B-3","amount":"ten","currency":"EUR","closeDate":"2026-02-03","ownerParticipantId":"{{r2}}"}""",
            string.Empty,
            $$"""{"source":"erp","externalId":"B-4","amount":5,"currency":"EUR","closeDate":"2026-02-31","ownerParticipantId":"{{r2}}"}""",
            "not json");
        var first = await SalesWorld.ReportAsync(await SalesWorld.PostFileAsync(world.Admin, file, "application/x-ndjson"));
        // B-1: direct 600 + split 400 + roll-up 1,000 = 3 credits; B-2: direct + roll-up = 2 credits.
        Assert.Equal((5L, 2L, 3L, 5L), ((long)first["rows"]!, (long)first["recorded"]!, (long)first["rejected"]!, (long)first["creditsWritten"]!));
        var errors = first["errors"]!.AsArray().Select(e => $"{e!["row"]} {e["field"]} {e["code"]}").ToList();
        Assert.Equal(["3 amount NUMBER_INVALID", "5 closeDate DATE_INVALID", "6  NDJSON_INVALID"], errors);

        var again = await SalesWorld.ReportAsync(await SalesWorld.PostFileAsync(world.Admin, file, "application/x-ndjson"));
        Assert.Equal((0L, 2L, 3L, 0L), ((long)again["recorded"]!, (long)again["replayed"]!, (long)again["rejected"]!, (long)again["creditsWritten"]!));
        // 250.00 USD at 0.9 = 225.00 EUR for Rep 02's direct credit.
        Assert.Equal(new Dictionary<string, decimal> { ["Rep 01"] = 600m, ["Rep 02"] = 650m, ["Mona Manager"] = 1250m }, await SalesWorld.NetByNameAsync(fixture, world.Org.TenantId));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(225.00m, await db.Credits.Where(c => c.Currency == "USD" && c.Type == "Direct").Select(c => c.ReportingAmount).SingleAsync());
        Assert.Equal(2, await db.SaleRevisions.CountAsync());
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "sales.import"));
    }

    [Fact]
    public async Task A_csv_file_amends_and_cancels_in_row_order_keeping_history()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        var (r1, r2) = (world.Org.RepIds[0], world.Org.RepIds[1]);
        var csv = $"""
            source,externalId,amount,currency,closeDate,ownerParticipantId,coSellers,product,action
            erp,C-1,100.00,EUR,2026-03-01,{r1},,"Licence, annual",
            erp,C-2,80.00,EUR,2026-03-02,{r2},{r1}:50;{r2}:50,,
            erp,C-1,120.00,EUR,2026-03-01,{r1},,"Licence, annual",
            erp,C-2,,,,,,,cancel
            erp,C-9,,,,,,,cancel
            """;
        var report = await SalesWorld.ReportAsync(await SalesWorld.PostFileAsync(world.Admin, csv, "text/csv"));
        Assert.Equal((2L, 1L, 1L, 1L), ((long)report["recorded"]!, (long)report["amended"]!, (long)report["cancelled"]!, (long)report["rejected"]!));
        Assert.Equal("6 externalId SALE_NOT_FOUND", $"{report["errors"]![0]!["row"]} {report["errors"]![0]!["field"]} {report["errors"]![0]!["code"]}");
        // C-1 amended 100 -> 120 (net 120 for Rep 01 and Mona); C-2 cancelled (nets to zero).
        Assert.Equal(new Dictionary<string, decimal> { ["Rep 01"] = 120m, ["Rep 02"] = 0m, ["Mona Manager"] = 120m }, await SalesWorld.NetByNameAsync(fixture, world.Org.TenantId));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal("Licence, annual", await db.Sales.Where(s => s.ExternalId == "C-1").Select(s => s.Product).SingleAsync());
        Assert.Equal(4, await db.SaleRevisions.CountAsync());
    }

    [Fact]
    public async Task Wrong_media_type_and_missing_capability_are_refused_before_anything_is_read()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        var response = await SalesWorld.PostFileAsync(world.Admin, "{}", "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var rep = fixture.Api.ClientFor(world.Org.TenantId, "rep");
        Assert.Equal(HttpStatusCode.Forbidden, (await SalesWorld.PostFileAsync(rep, "{}", "application/x-ndjson")).StatusCode);
    }

    [Fact]
    public async Task Outbox_rows_share_the_batch_transaction_so_a_failed_batch_leaves_none()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var setup = await CreditingSetup.LoadAsync(connection, transaction, world.Org.TenantId, NoTerritoryOwnershipSource.Instance, default);
            var sale = new Sale(world.Org.TenantId, "erp", "T-1", 10m, "EUR", new DateOnly(2026, 4, 1), null, null, null, world.Org.RepIds[0]);
            var result = await SalesLedger.WriteAsync(connection, transaction, setup, setup.NewEngine(), [SaleCommand.Record(1, sale)], new LedgerOptions("bulk:test", false, false, true), DateTimeOffset.UtcNow, default);
            Assert.Equal(2, result.OutboxRows);
            await using var inside = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = world.Org.TenantId } } };
            Assert.Equal(2L, (long)(await inside.ExecuteScalarAsync())!);
            await transaction.RollbackAsync();
        }

        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal((0, 0, 0), (await db.Outbox.CountAsync(), await db.Sales.CountAsync(), await db.Credits.CountAsync()));
    }

    [Fact]
    public async Task Keys_split_over_both_lanes_apply_in_file_order_across_many_small_batches()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        var (r1, r2) = (world.Org.RepIds[0], world.Org.RepIds[1]);
        var keys = Enumerable.Range(1, 12).Select(i => $"L-{i}").ToList();
        // The lanes split these keys between them, so both writers run (the test is void otherwise).
        Assert.Equal(2, keys.Select(k => SalesLedger.LaneOf(new SaleKey(world.Org.TenantId, "erp", k))).Distinct().Count());
        var lines = new List<string>();
        foreach (var key in keys)
        {
            lines.Add($$"""{"source":"erp","externalId":"{{key}}","amount":100,"currency":"EUR","closeDate":"2026-05-01","ownerParticipantId":"{{r1}}"}""");
        }

        // Second pass: every key amended to 150 and owner r2; then the odd ones cancelled, then one bad row.
        foreach (var key in keys)
        {
            lines.Add($$"""{"source":"erp","externalId":"{{key}}","amount":150,"currency":"EUR","closeDate":"2026-05-01","ownerParticipantId":"{{r2}}"}""");
        }

        foreach (var key in keys.Where((_, i) => i % 2 == 0))
        {
            lines.Add($$"""{"source":"erp","externalId":"{{key}}","action":"cancel"}""");
        }

        lines.Add($$"""{"source":"erp","externalId":"L-99","amount":"ten","currency":"EUR","closeDate":"2026-05-01","ownerParticipantId":"{{r2}}"}""");
        await using var dataSource = Spm.Infrastructure.Persistence.SpmDataSource.Create(fixture.ConnectionString);
        var importer = new BulkSalesImporter(dataSource, NoTerritoryOwnershipSource.Instance, TimeProvider.System);
        // Batches of 2 keys per lane: every key's three rows land in different batches of its lane.
        var options = new BulkImportOptions { BatchSize = 2, MaxReportedErrors = 10 };
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var report = await importer.ImportAsync(world.Org.TenantId, body, SalesFileFormat.Ndjson, options, default);

        Assert.Equal((31L, 12L, 12L, 6L, 1L), (report.Rows, report.Recorded, report.Amended, report.Cancelled, report.Rejected));
        Assert.Equal(31, report.Errors.Single().Row);
        Assert.True(report.Batches >= 15, $"{report.Batches} batches");
        // Six sales stay at 150 for r2 (and the manager's roll-up); r1's credits were all reversed.
        Assert.Equal(new Dictionary<string, decimal> { ["Rep 01"] = 0m, ["Rep 02"] = 900m, ["Mona Manager"] = 900m }, await SalesWorld.NetByNameAsync(fixture, world.Org.TenantId));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(30, await db.SaleRevisions.CountAsync());
        Assert.Equal(6, await db.Sales.CountAsync(s => s.IsCancelled));
        Assert.Equal(keys.Count, await db.Sales.CountAsync(s => s.CurrentRevision == (s.IsCancelled ? 3 : 2)));
    }

    [Fact]
    public async Task A_live_write_of_a_key_during_an_import_of_it_ends_as_one_sale()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        var r1 = world.Org.RepIds[0];
        var file = string.Join('\n', Enumerable.Range(1, 400).Select(i => $$"""{"source":"crm","externalId":"R-{{i}}","amount":10,"currency":"EUR","closeDate":"2026-05-01","ownerParticipantId":"{{r1}}"}"""));
        await using var dataSource = Spm.Infrastructure.Persistence.SpmDataSource.Create(fixture.ConnectionString);
        var importer = new BulkSalesImporter(dataSource, NoTerritoryOwnershipSource.Instance, TimeProvider.System);
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file));
        var import = importer.ImportAsync(world.Org.TenantId, body, SalesFileFormat.Ndjson, new BulkImportOptions { BatchSize = 20 }, default);
        // The same keys, same content, through the live path at the same time: whoever comes second replays.
        var live = Task.Run(async () =>
        {
            for (var i = 400; i >= 1; i -= 7)
            {
                await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale($"R-{i}", "10", world.Rep(1), closeDate: "2026-05-01"));
            }
        });
        var report = await import;
        await live;

        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(400, await db.Sales.CountAsync());
        Assert.Equal(400, await db.SaleRevisions.CountAsync());
        Assert.Equal(400 - report.Recorded, report.Replayed);
        Assert.Equal(new Dictionary<string, decimal> { ["Rep 01"] = 4000m, ["Mona Manager"] = 4000m }, await SalesWorld.NetByNameAsync(fixture, world.Org.TenantId));
    }
}
