using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Sales;
using Spm.Domain.Organisation;

namespace Spm.Api.Tests.Compensation;

/// <summary>
/// After lock, changes arrive as adjustments in the next open period, and each cent is paid exactly once: a paid
/// period is locked for crediting too, so a late sale posts in the open period; what still changes a paid period's
/// recalculation is paid once as a prior-period adjustment and never again.
/// </summary>
public sealed class PriorPeriodAdjustmentTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string TenPercent = """
        { "currency": "EUR", "components": [
          { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL", "creditTypes": ["DIRECT", "SPLIT"],
            "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.10 } ] } ] } ] }
        """;

    private const string Statement = """
        query($p: ID!, $r: ID, $period: ID) { statement(participantId: $p, runId: $r, periodId: $period) {
          run { id } payout { amount currency }
          lines { kind amount { amount } rule adjustsPeriodStart adjustsPeriodEnd sources { creditId basis } }
          priorPeriodAdjustments { kind amount { amount } } } }
        """;

    [Fact]
    public async Task A_late_credit_in_a_paid_january_is_paid_once_as_a_february_adjustment_and_january_stays_as_paid()
    {
        // January, 10 %: 10,000.00 x 0.10 = 1,000.00, locked (paid).
        var (world, januaryRun) = await PaidJanuaryAsync();
        var tenant = world.Org.TenantId;
        var rep = world.Org.RepIds[0];

        // Crediting of January is reopened by hand (the payout stays locked), and a 2,000.00 sale dated January
        // arrives: its credit posts in January, a period already paid.
        await using (var db = fixture.CreateContext(tenant))
        {
            Assert.Equal(1, await db.PeriodLocks.Where(l => l.PeriodId == world.Months["2026-01"]).ExecuteDeleteAsync());
        }

        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("J-2", "2000.00", world.Rep(1), closeDate: "2026-01-20"));
        var late = await CreditAsync(tenant, rep, "J-2");
        Assert.Equal(new DateOnly(2026, 1, 20), late.PostingDate);

        // February recalculates January: 12,000.00 x 0.10 = 1,200.00, paid 1,000.00: adjustment 1,200 - 1,000 = +200.00,
        // tracing January, the paid figure and the late credit (basis 2,000). February has no credits of its own.
        var february = await world.RunAsync("2026-02");
        var statement = await StatementAsync(world, rep, february);
        var line = Assert.Single(statement["lines"]!.AsArray())!;
        Assert.Equal(("PRIOR_PERIOD_ADJUSTMENT", "200.00", "2026-01-01", "2026-01-31"), (Kind(line), Amount(line), line["adjustsPeriodStart"]!.GetValue<string>(), line["adjustsPeriodEnd"]!.GetValue<string>()));
        Assert.Contains("paid 1000.00, recalculated 1200.00 EUR", line["rule"]!.GetValue<string>(), StringComparison.Ordinal);
        var source = Assert.Single(line["sources"]!.AsArray())!;
        Assert.Equal((late.Id.ToString(), "2000"), (source["creditId"]!.GetValue<string>(), source["basis"]!.GetValue<string>()));
        Assert.Equal("200.00", Assert.Single(statement["priorPeriodAdjustments"]!.AsArray())!["amount"]!["amount"]!.GetValue<string>());
        Assert.Equal("200.00", statement["payout"]!["amount"]!.GetValue<string>());

        // January's statement is the paid one (the first run, not the later one), unchanged: 1,000.00, no correction on it.
        var january = (await world.Admin.DataAsync(Statement, new { p = world.Rep(1), period = world.Month("2026-01") }))["statement"]!;
        Assert.Equal((januaryRun, "1000.00"), (january["run"]!["id"]!.GetValue<string>(), january["payout"]!["amount"]!.GetValue<string>()));
        Assert.Empty(january["priorPeriodAdjustments"]!.AsArray());

        // A second February run shows the same single correction, not two.
        var again = await world.RunAsync("2026-02");
        var second = await StatementAsync(world, rep, again);
        Assert.Equal(["200.00"], second["priorPeriodAdjustments"]!.AsArray().Select(l => Amount(l!)));
        Assert.Equal("200.00", second["payout"]!["amount"]!.GetValue<string>());

        // February is paid with its correction; March recalculates January again (still 1,200.00) and owes nothing:
        // 1,200 - 1,000 paid - 200 corrected in February = 0.
        await LockAsync(world, again);
        var march = await StatementAsync(world, rep, await world.RunAsync("2026-03"));
        Assert.Empty(march["priorPeriodAdjustments"]!.AsArray());
        Assert.Equal("0.00", march["payout"]!["amount"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_late_sale_for_a_paid_period_posts_in_the_open_period_and_is_paid_exactly_once()
    {
        var (world, _) = await PaidJanuaryAsync();
        var tenant = world.Org.TenantId;
        var rep = world.Org.RepIds[0];
        await using (var db = fixture.CreateContext(tenant))
        {
            // Locking the payout locked January for crediting in the same transaction.
            Assert.True(await db.PeriodLocks.AnyAsync(l => l.PeriodId == world.Months["2026-01"]));
        }

        // A 2,000.00 sale dated January arrives after the lock: its credit posts on the open posting date (today).
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("L-1", "2000.00", world.Rep(1), closeDate: "2026-01-20"));
        var late = await CreditAsync(tenant, rep, "L-1");
        Assert.Equal(new DateOnly(2026, 1, 20), late.CloseDate);
        Assert.True(late.PostingDate > new DateOnly(2026, 1, 31));
        var postingMonth = await MonthOfAsync(world, late.PostingDate);

        // February (the first open period, where a correction of January would appear) and the posting month: the late
        // credit is paid by exactly one line, the posting month's commission (2,000.00 x 0.10 = 200.00), and neither
        // carries a correction of January (its recalculation reads credits by posting date and does not see it).
        var paid = new List<(string Month, string Kind, decimal Amount)>();
        foreach (var (key, periodId) in new[] { ("2026-02", world.Months["2026-02"]), postingMonth }.Distinct())
        {
            var statement = await StatementAsync(world, rep, await RunAsync(world, periodId));
            Assert.Empty(statement["priorPeriodAdjustments"]!.AsArray());
            foreach (var line in statement["lines"]!.AsArray())
            {
                if (line!["sources"]!.AsArray().Any(s => s!["creditId"]!.GetValue<string>() == late.Id.ToString()))
                {
                    paid.Add((key, Kind(line), decimal.Parse(Amount(line), CultureInfo.InvariantCulture)));
                }
            }
        }

        Assert.Equal([(late.PostingDate.ToString("yyyy-MM", CultureInfo.InvariantCulture), "COMMISSION", 200.00m)], paid);

        // A paid period stays locked; lockPeriod / unlockPeriod lock other periods for crediting alone, audited.
        Assert.Equal("PERIOD_PAID", await LockErrorAsync(world, "unlockPeriod", "2026-01"));
        Assert.Equal("PERIOD_LOCKED", await LockErrorAsync(world, "lockPeriod", "2026-01"));
        var locked = (await world.Admin.DataAsync($"mutation {{ lockPeriod(input: {{ periodId: \"{world.Month("2026-03")}\" }}) {{ period {{ name }} locked lockedAt errors {{ code }} }} }}"))["lockPeriod"]!;
        Assert.Equal((true, 0), (locked["locked"]!.GetValue<bool>(), locked["errors"]!.AsArray().Count));
        Assert.NotNull(locked["lockedAt"]);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("M-1", "500.00", world.Rep(1), closeDate: "2026-03-05"));
        Assert.True((await CreditAsync(tenant, rep, "M-1")).PostingDate > new DateOnly(2026, 3, 31));
        var unlocked = (await world.Admin.DataAsync($"mutation {{ unlockPeriod(input: {{ periodId: \"{world.Month("2026-03")}\" }}) {{ locked errors {{ code }} }} }}"))["unlockPeriod"]!;
        Assert.Equal((false, 0), (unlocked["locked"]!.GetValue<bool>(), unlocked["errors"]!.AsArray().Count));
        Assert.Equal("PERIOD_NOT_LOCKED", await LockErrorAsync(world, "unlockPeriod", "2026-03"));
        await using (var db = fixture.CreateContext(tenant))
        {
            Assert.True(await db.PeriodLocks.AnyAsync(l => l.PeriodId == world.Months["2026-01"]));
            Assert.False(await db.PeriodLocks.AnyAsync(l => l.PeriodId == world.Months["2026-03"]));
            Assert.Equal(["period.lock", "period.unlock"], await db.AuditLog.Where(a => a.EntityType == "Period").OrderBy(a => a.OccurredAt).Select(a => a.Action).ToListAsync());
        }
    }

    private static async Task<string> LockErrorAsync(CompWorld world, string mutation, string month)
    {
        var result = (await world.Admin.DataAsync($"mutation {{ {mutation}(input: {{ periodId: \"{world.Month(month)}\" }}) {{ period {{ id }} errors {{ code field }} }} }}"))[mutation]!;
        Assert.Null(result["period"]);
        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal(["input", "periodId"], error["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        return error["code"]!.GetValue<string>();
    }

    /// <summary>
    /// Rep 01 on a 10 % plan sells 10,000.00 in January; January is run twice (1,000.00 each), and the first run is
    /// approved and locked (paid), so the paid statement is not simply the latest run.
    /// </summary>
    private async Task<(CompWorld World, string JanuaryRun)> PaidJanuaryAsync()
    {
        var world = await CompWorld.CreateAsync(fixture);
        await SalesWorld.RecordAsync(world.Admin, SalesWorld.Sale("J-1", "10000.00", world.Rep(1), closeDate: "2026-01-15"));
        var plan = await world.PublishedPlanAsync("AE 10 %", TenPercent);
        await world.AssignAsync(plan, world.Rep(1));
        var run = await world.RunAsync("2026-01");
        var statement = await StatementAsync(world, world.Org.RepIds[0], run);
        Assert.Equal("1000.00", statement["payout"]!["amount"]!.GetValue<string>());
        Assert.NotEqual(run, await world.RunAsync("2026-01"));
        await LockAsync(world, run);
        return (world, run);
    }

    private async Task LockAsync(CompWorld world, string runId)
    {
        using var finance = world.Person(fixture, "finance", world.FinanceId);
        using var manager = world.Person(fixture, "manager", world.Org.ManagerId);
        var id = (await MutateAsync(world.Admin, "submitPayout", $"runId: \"{runId}\""))["id"]!.GetValue<string>();
        await MutateAsync(manager, "approvePayout", $"payoutId: \"{id}\"");
        await MutateAsync(finance, "financeApprovePayout", $"payoutId: \"{id}\"");
        Assert.Equal("LOCKED", (await MutateAsync(finance, "lockPayout", $"payoutId: \"{id}\""))["status"]!.GetValue<string>());
    }

    private static async Task<JsonNode> MutateAsync(HttpClient client, string mutation, string input)
    {
        var result = (await client.DataAsync($"mutation {{ {mutation}(input: {{ {input} }}) {{ payout {{ id status }} errors {{ code message field }} }} }}"))[mutation]!;
        Assert.Empty(result["errors"]!.AsArray());
        return result["payout"]!;
    }

    private static async Task<string> RunAsync(CompWorld world, Guid periodId)
    {
        var started = (await world.Admin.DataAsync(
            "mutation($p: ID!) { startCalculationRun(input: { periodId: $p }) { run { id } errors { code message field } } }",
            new { p = CompWorld.Id("Period", periodId) }))["startCalculationRun"]!;
        Assert.Empty(started["errors"]!.AsArray());
        var id = started["run"]!["id"]!.GetValue<string>();
        await world.WaitAsync(id);
        return id;
    }

    private static async Task<JsonNode> StatementAsync(CompWorld world, Guid participant, string runId) =>
        (await world.Admin.DataAsync(Statement, new { p = CompWorld.Id("Participant", participant), r = runId }))["statement"]!;

    private async Task<Spm.Infrastructure.Sales.StoredCredit> CreditAsync(Guid tenant, Guid participant, string externalId)
    {
        await using var db = fixture.CreateContext(tenant);
        var sale = await db.Sales.AsNoTracking().SingleAsync(s => s.ExternalId == externalId);
        return await db.Credits.AsNoTracking().SingleAsync(c => c.SaleId == sale.Id && c.ParticipantId == participant);
    }

    /// <summary>The stored month containing <paramref name="date"/>; the fiscal year is generated when the test runs after 2026.</summary>
    private async Task<(string Key, Guid Id)> MonthOfAsync(CompWorld world, DateOnly date)
    {
        var key = date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (world.Months.TryGetValue(key, out var known))
        {
            return (key, known);
        }

        await using var db = fixture.CreateContext(world.Org.TenantId);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == world.Org.TenantId);
        for (var year = 2027; year <= date.Year + 1; year++)
        {
            db.Periods.AddRange(Period.Generate(tenant.Id, tenant.Calendar, year));
        }

        await db.SaveChangesAsync();
        return (key, await db.Periods.Where(p => p.Kind == PeriodKind.Month && p.StartDate <= date && p.EndDate >= date).Select(p => p.Id).SingleAsync());
    }

    private static string Kind(JsonNode line) => line["kind"]!.GetValue<string>();

    private static string Amount(JsonNode line) => line["amount"]!["amount"]!.GetValue<string>();
}
