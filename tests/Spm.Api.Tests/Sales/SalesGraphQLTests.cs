using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Sales;

public sealed class SalesGraphQLTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Direct_split_and_rollup_credits_carry_the_literal_amounts_in_three_currencies()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        // S-1: 1,000.00 EUR split 60/40 -> direct Rep 01 600.00, split Rep 02 400.00, roll-up Mona 1,000.00 (both reps, once).
        // S-2: 333.33 USD at 0.9 -> 299.997 EUR, rounded once to 300.00: direct Rep 03 333.33 USD / 300.00 EUR, paid in EUR 300.00;
        //      roll-up Mona 333.33 USD / 300.00 EUR.
        var result = await SalesWorld.RecordAsync(
            world.Admin,
            SalesWorld.Sale("S-1", "1000.00", world.Rep(1), coSellers: [new { participantId = world.Rep(1), splitPercent = "60" }, new { participantId = world.Rep(2), splitPercent = "40" }]),
            SalesWorld.Sale("S-2", "333.33", world.Rep(3), currency: "USD"));
        Assert.Empty(result["errors"]!.AsArray());
        Assert.Equal(["RECORDED", "RECORDED"], result["results"]!.AsArray().Select(r => (string)r!["outcome"]!));
        Assert.Equal("300.00", (string)result["results"]![1]!["sale"]!["reportingAmount"]!["amount"]!);

        var saleId = (string)result["results"]![0]!["sale"]!["id"]!;
        var sale = await world.Admin.DataAsync("query($id: ID!) { sale(id: $id) { credits { type reason participant { name } amount { amount currency } reportingAmount { amount } payAmount { amount currency } } } }", new { id = saleId });
        var credits = sale["sale"]!["credits"]!.AsArray().Select(c => $"{c!["type"]} {c["participant"]!["name"]} {c["amount"]!["amount"]} {c["amount"]!["currency"]} {c["payAmount"]!["amount"]} {c["payAmount"]!["currency"]}").Order().ToList();
        Assert.Equal(["DIRECT Rep 01 600.00 EUR 600.00 EUR", "ROLLUP Mona Manager 1000.00 EUR 1000.00 EUR", "SPLIT Rep 02 400.00 EUR 400.00 EUR"], credits);

        await using var db = fixture.CreateContext(world.Org.TenantId);
        var usd = await db.Credits.Where(c => c.Currency == "USD").OrderBy(c => c.Type).Select(c => new { c.Type, c.Amount, c.ReportingAmount, c.PayAmount, c.PayCurrency }).ToListAsync();
        Assert.Equal(2, usd.Count);
        Assert.All(usd, c => Assert.Equal((333.33m, 300.00m, 300.00m, "EUR"), (c.Amount, c.ReportingAmount, c.PayAmount, c.PayCurrency)));
        Assert.Equal(["Direct", "Rollup"], usd.Select(c => c.Type));
    }

    [Fact]
    public async Task A_replay_changes_nothing_and_returns_the_existing_sale()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        var first = await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("R-1", "500.00", world.Rep(1)));
        var again = await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("R-1", "500.00", world.Rep(1)));
        Assert.Equal("REPLAYED", (string)again["results"]![0]!["outcome"]!);
        Assert.Equal((string)first["results"]![0]!["sale"]!["id"]!, (string)again["results"]![0]!["sale"]!["id"]!);
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(1, await db.SaleRevisions.CountAsync());
        Assert.Equal(2, await db.Credits.CountAsync());
        Assert.Equal(2, await db.Outbox.CountAsync());
        Assert.Single(await db.AuditLog.Where(a => a.Action == "sale.record").ToListAsync());
    }

    [Fact]
    public async Task An_amendment_reverses_the_old_credits_and_a_cancellation_reverses_the_new_ones_keeping_history()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("A-1", "1000.00", world.Rep(1), coSellers: [new { participantId = world.Rep(1), splitPercent = "60" }, new { participantId = world.Rep(2), splitPercent = "40" }]));
        // Amended to 1,200.00: reversals -600 / -400 / -1,000, then 720 / 480 / 1,200.
        var amended = await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("A-1", "1200.00", world.Rep(1), coSellers: [new { participantId = world.Rep(1), splitPercent = "60" }, new { participantId = world.Rep(2), splitPercent = "40" }]));
        Assert.Equal("AMENDED", (string)amended["results"]![0]!["outcome"]!);
        Assert.Equal(2, (int)amended["results"]![0]!["sale"]!["revision"]!);
        Assert.Equal(new Dictionary<string, decimal> { ["Rep 01"] = 720m, ["Rep 02"] = 480m, ["Mona Manager"] = 1200m }, await SalesWorld.NetByNameAsync(fixture, world.Org.TenantId));

        var cancelled = await world.Admin.DataAsync("""mutation { cancelSale(input: { source: "crm", externalId: "A-1" }) { results { outcome sale { revision cancelled } } errors { code } } }""");
        Assert.Equal("CANCELLED", (string)cancelled["cancelSale"]!["results"]![0]!["outcome"]!);
        Assert.True((bool)cancelled["cancelSale"]!["results"]![0]!["sale"]!["cancelled"]!);
        var again = await world.Admin.DataAsync("""mutation { cancelSale(input: { source: "crm", externalId: "A-1" }) { results { outcome } errors { code } } }""");
        Assert.Equal("REPLAYED", (string)again["cancelSale"]!["results"]![0]!["outcome"]!);

        Assert.All((await SalesWorld.NetByNameAsync(fixture, world.Org.TenantId)).Values, net => Assert.Equal(0m, net));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(["Original", "Amendment", "Cancellation"], await db.SaleRevisions.OrderBy(r => r.Number).Select(r => r.Kind).ToListAsync());
        // 3 originals + 3 reversals + 3 new + 3 reversals: nothing updated, nothing deleted.
        Assert.Equal(12, await db.Credits.CountAsync());
        var reversal = await db.Credits.Where(c => c.IsReversal && c.SaleRevision == 2).OrderBy(c => c.Amount).FirstAsync();
        Assert.Equal((-1000m, 1), (reversal.Amount, reversal.ReversesRevision!.Value));
        Assert.StartsWith("reversal of revision 1: roll-up: manager of", reversal.Reason, StringComparison.Ordinal);

        var revived = await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("A-1", "900.00", world.Rep(1)));
        Assert.Equal("SALE_CANCELLED", (string)revived["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task A_bad_row_is_named_by_index_and_field_and_the_batch_writes_nothing()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        var result = await SalesWorld.RecordAsync(
            world.Admin,
            SalesWorld.Sale("E-1", "100.00", world.Rep(1)),
            SalesWorld.Sale("E-2", "100.00", world.Rep(1), coSellers: [new { participantId = world.Rep(1), splitPercent = "50" }, new { participantId = world.Rep(2), splitPercent = "40" }]));
        var error = result["errors"]!.AsArray().Single()!;
        Assert.Equal("SALE_SPLITS_NOT_100", (string)error["code"]!);
        Assert.Equal(["input", "sales", "1", "coSellers"], error["field"]!.AsArray().Select(f => (string)f!));
        Assert.Empty(result["results"]!.AsArray());
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(0, await db.Sales.CountAsync());
    }

    [Fact]
    public async Task A_missing_exchange_rate_is_a_clear_error_not_a_zero_and_nothing_is_written()
    {
        var world = await SalesWorld.CreateAsync(fixture, withRates: false);
        var result = await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("F-1", "100.00", world.Rep(1)), SalesWorld.Sale("F-2", "250.00", world.Rep(1), currency: "USD"));
        var error = result["errors"]!.AsArray().Single()!;
        Assert.Equal("FX_RATE_MISSING", (string)error["code"]!);
        Assert.Equal(["input", "sales", "1", "currency"], error["field"]!.AsArray().Select(f => (string)f!));
        Assert.Contains("USD to EUR", (string)error["message"]!, StringComparison.Ordinal);
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(0, await db.Sales.CountAsync());
        Assert.Equal(0, await db.Credits.CountAsync());
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task The_same_external_id_sent_by_eight_clients_at_once_ends_as_one_sale()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        var clients = Enumerable.Range(0, 8).Select(_ => fixture.Api.ClientFor(world.Org.TenantId, "admin")).ToList();
        var results = await Task.WhenAll(clients.Select(c => SalesWorld.RecordAsync(c, SalesWorld.Sale("C-1", "700.00", world.Rep(2)))));
        var outcomes = results.Select(r => (string)r["results"]![0]!["outcome"]!).Order().ToList();
        Assert.Equal(["RECORDED", "REPLAYED", "REPLAYED", "REPLAYED", "REPLAYED", "REPLAYED", "REPLAYED", "REPLAYED"], outcomes);
        Assert.Single(results.Select(r => (string)r["results"]![0]!["sale"]!["id"]!).Distinct());
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(1, await db.Sales.CountAsync());
        Assert.Equal(1, await db.SaleRevisions.CountAsync());
        Assert.Equal(2, await db.Credits.CountAsync());
    }

    [Fact]
    public async Task Outbox_rows_are_written_with_the_change_in_event_order()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("O-1", "100.00", world.Rep(1)));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        var rows = await db.Outbox.OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(["sale.recorded", "credits.changed"], rows.Select(r => r.Type));
        var deltas = JsonNode.Parse(rows[1].Payload)!["deltas"]!.AsArray();
        Assert.Equal(["100.00", "100.00"], deltas.Select(d => ((decimal)d!["reportingAmount"]!).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_the_sales_and_its_own_external_id_is_a_separate_sale()
    {
        var a = await SalesWorld.CreateAsync(fixture);
        var b = await SalesWorld.CreateAsync(fixture);
        var recorded = await SalesWorld.RecordAsync(a.Admin, SalesWorld.Sale("X-1", "100.00", a.Rep(1)));
        var saleId = (string)recorded["results"]![0]!["sale"]!["id"]!;
        var seen = await b.Admin.DataAsync("query($id: ID!) { sales(first: 10) { totalCount } sale(id: $id) { id } node(id: $id) { id } }", new { id = saleId });
        Assert.Equal(0, (int)seen["sales"]!["totalCount"]!);
        Assert.Null(seen["sale"]);
        Assert.Null(seen["node"]);
        var own = await SalesWorld.RecordAsync(b.Admin, SalesWorld.Sale("X-1", "100.00", b.Rep(1)));
        Assert.Equal("RECORDED", (string)own["results"]![0]!["outcome"]!);
        // A's participant is unknown in B.
        var foreign = await SalesWorld.RecordAsync(b.Admin, SalesWorld.Sale("X-2", "100.00", a.Rep(1)));
        Assert.Equal("PARTICIPANT_UNKNOWN", (string)foreign["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task A_rep_sees_only_sales_they_are_credited_on_and_only_their_credits_a_manager_sees_the_subtree()
    {
        var world = await SalesWorld.CreateAsync(fixture);
        await SalesWorld.RecordAsync(
            world.Admin,
            SalesWorld.Sale("V-1", "1000.00", world.Rep(1), coSellers: [new { participantId = world.Rep(1), splitPercent = "60" }, new { participantId = world.Rep(2), splitPercent = "40" }]),
            SalesWorld.Sale("V-2", "50.00", world.Rep(3)));
        var rep2 = fixture.Api.ClientFor(world.Org.TenantId, "rep");
        rep2.DefaultRequestHeaders.Add("X-Test-Participant", world.Org.RepIds[1].ToString());
        var mine = await rep2.DataAsync("{ sales(first: 10) { totalCount nodes { externalId credits { type amount { amount } } } } }");
        Assert.Equal(1, (int)mine["sales"]!["totalCount"]!);
        Assert.Equal("V-1", (string)mine["sales"]!["nodes"]![0]!["externalId"]!);
        Assert.Equal(["SPLIT 400.00"], mine["sales"]!["nodes"]![0]!["credits"]!.AsArray().Select(c => $"{c!["type"]} {c["amount"]!["amount"]}"));

        var manager = fixture.Api.ClientFor(world.Org.TenantId, "manager");
        manager.DefaultRequestHeaders.Add("X-Test-Participant", world.Org.ManagerId.ToString());
        var team = await manager.DataAsync("{ sales(first: 10) { totalCount } }");
        Assert.Equal(2, (int)team["sales"]!["totalCount"]!);

        var writeAsRep = await rep2.QueryAsync(SalesWorld.RecordSales, new { sales = new[] { SalesWorld.Sale("V-3", "1.00", world.Rep(2)) } });
        Assert.NotNull(writeAsRep["errors"]);
    }
}
