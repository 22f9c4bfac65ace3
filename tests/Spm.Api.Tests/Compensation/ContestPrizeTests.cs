using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Contests;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;
using static Spm.Api.Tests.Contests.ContestWorld;

namespace Spm.Api.Tests.Compensation;

/// <summary>
/// Contest cash prizes paid as AWARD lines on the winners' statements: the scheduler ends a March 2026 contest (on a
/// clock the test moves), then a real calculation run of March pays what the frozen standings won. Reps are paid in
/// EUR on 5 % flat; prizes are in USD and the tenant's rate is USD -> EUR 0.9.
/// </summary>
public sealed class ContestPrizeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string StatementQuery = """
        query($p: ID!, $m: ID) { statement(participantId: $p, periodId: $m) {
          payout { amount currency } lines { kind rule basis contestId amount { amount currency } } } }
        """;

    /// <summary>
    /// Midnight between 31 March and 1 April in the test tenant's zone (Europe/London, on summer time since 29 March),
    /// so the contests below count March only and are paid in March.
    /// </summary>
    private static readonly DateTimeOffset MarchEnd = new(2026, 3, 31, 23, 0, 0, TimeSpan.Zero);

    private static readonly ContestCashPrize[] TopThree = [new(1, 500m, "USD"), new(2, 300m, "USD"), new(3, 100m, "USD")];

    private static async Task<(CompWorld Comp, ContestWorld Contests)> WorldAsync(DatabaseFixture fixture, int repsOnPlan = 3)
    {
        var comp = await CompWorld.CreateAsync(fixture);
        var plan = await comp.PublishedPlanAsync("AE 2026", CompWorld.FlatFivePercent);
        for (var rep = 1; rep <= repsOnPlan; rep++)
        {
            await comp.AssignAsync(plan, comp.Rep(rep));
        }

        return (comp, new ContestWorld(fixture, comp.Sales));
    }

    /// <summary>Starts the contest on 1 March, records the deals, ends it on 1 April (the scheduler run twice there).</summary>
    private static async Task RunContestAsync(ContestWorld world, params (string ExternalId, string Amount, int Rep, string CloseDate)[] deals)
    {
        world.Clock.Now = MarchStart;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);
        await world.SellAsync(deals);
        world.Clock.Now = MarchEnd;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<(string Payout, List<(string Basis, string Amount, string? ContestId, string Rule)> Awards)> StatementAsync(CompWorld world, int rep)
    {
        var statement = (await world.Admin.DataAsync(StatementQuery, new { p = world.Rep(rep), m = world.Month("2026-03") }))["statement"]!;
        var awards = statement["lines"]!.AsArray().Where(l => (string)l!["kind"]! == "AWARD")
            .Select(l => ((string)l!["basis"]!, (string)l["amount"]!["amount"]!, (string?)l["contestId"], (string)l["rule"]!)).ToList();
        return ((string)statement["payout"]!["amount"]!, awards);
    }

    [Fact]
    public async Task A_top_three_contest_pays_its_prizes_as_award_lines_on_the_winners_march_statements_once()
    {
        var (comp, world) = await WorldAsync(fixture);
        var contest = await world.AddContestAsync(March("march-cup") with { EndsAt = MarchEnd, Prizes = ["Trophy"], CashPrizes = TopThree });

        // Rep 01 sells 3,000, Rep 02 2,000, Rep 03 1,000 EUR in March: places 1, 2, 3.
        await RunContestAsync(world, ("P-1", "3000", 1, "2026-03-05"), ("P-2", "2000", 2, "2026-03-06"), ("P-3", "1000", 3, "2026-03-07"));
        await comp.RunAsync("2026-03");

        // Rep 01: commission 3,000 x 0.05 = 150.00; prize 500 USD x 0.9 = 450.00 EUR; payout 600.00.
        // Rep 02: 2,000 x 0.05 = 100.00; 300 USD x 0.9 = 270.00; payout 370.00.
        // Rep 03: 1,000 x 0.05 = 50.00; 100 USD x 0.9 = 90.00; payout 140.00.
        var contestId = GlobalId.Encode("Contest", contest.Id);
        var expected = new[] { ("600.00", "500", "450.00"), ("370.00", "300", "270.00"), ("140.00", "100", "90.00") };
        for (var rep = 1; rep <= 3; rep++)
        {
            var (payout, awards) = await StatementAsync(comp, rep);
            var award = Assert.Single(awards);
            Assert.Equal(expected[rep - 1], (payout, award.Basis, award.Amount));
            Assert.Equal(contestId, award.ContestId);
            Assert.Contains($"Contest march-cup (march-cup), place {rep}", award.Rule, StringComparison.Ordinal);
        }

        // The scheduler ran twice at the end: one award per winner. Writing the awards again is refused by the unique
        // (contest, place, participant) key, so no retry can pay twice.
        await using var db = fixture.CreateContext(world.TenantId);
        Assert.Equal(3, await db.CompAdjustments.CountAsync(a => a.ContestId == contest.Id));
        var ended = await db.Contests.SingleAsync(c => c.Id == contest.Id);
        var standings = await world.StandingsAsync(contest);
        await ContestPrizeAwards.AddAsync(db, ended, standings, TimeZoneInfo.Utc, MarchEnd, CancellationToken.None);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_winner_without_a_plan_that_month_is_paid_the_prize_alone_in_its_currency()
    {
        // Rep 03 is on no plan: no commission, but third place still pays 100 USD, on a statement in USD (the prize's
        // currency, as there is no pay currency without a plan).
        var (comp, world) = await WorldAsync(fixture, repsOnPlan: 2);
        await world.AddContestAsync(March("march-open") with { EndsAt = MarchEnd, CashPrizes = TopThree });
        await RunContestAsync(world, ("O-1", "3000", 1, "2026-03-05"), ("O-2", "2000", 2, "2026-03-06"), ("O-3", "1000", 3, "2026-03-07"));
        await comp.RunAsync("2026-03");

        var statement = (await comp.Admin.DataAsync(StatementQuery, new { p = comp.Rep(3), m = comp.Month("2026-03") }))["statement"]!;
        Assert.Equal(("100.00", "USD"), ((string)statement["payout"]!["amount"]!, (string)statement["payout"]!["currency"]!));
        var line = Assert.Single(statement["lines"]!.AsArray());
        Assert.Equal(("AWARD", "100.00"), ((string)line!["kind"]!, (string)line["amount"]!["amount"]!));
        // The others as before: Rep 01 150.00 + 450.00 EUR.
        Assert.Equal("600.00", (await StatementAsync(comp, 1)).Payout);
    }

    [Fact]
    public async Task A_tie_for_first_shares_the_first_two_prizes_and_third_place_gets_the_third()
    {
        var (comp, world) = await WorldAsync(fixture);
        await world.AddContestAsync(March("tied-cup") with { EndsAt = MarchEnd, Prizes = [], CashPrizes = TopThree });

        // Rep 01 and Rep 02 2,000 each tie for first; Rep 03 1,000 is next (rank 2, prize position 3).
        await RunContestAsync(world, ("T-1", "2000", 1, "2026-03-05"), ("T-2", "2000", 2, "2026-03-06"), ("T-3", "1000", 3, "2026-03-07"));
        await comp.RunAsync("2026-03");

        // Rep 01 and Rep 02: (500 + 300) / 2 = 400 USD each x 0.9 = 360.00 EUR; commission 100.00; payout 460.00.
        // Rep 03: position 3, 100 USD x 0.9 = 90.00 EUR; commission 50.00; payout 140.00.
        foreach (var rep in new[] { 1, 2 })
        {
            var (payout, awards) = await StatementAsync(comp, rep);
            var award = Assert.Single(awards);
            Assert.Equal(("460.00", "400", "360.00"), (payout, award.Basis, award.Amount));
            Assert.Contains("place 1, shared by 2", award.Rule, StringComparison.Ordinal);
        }

        var (payout3, awards3) = await StatementAsync(comp, 3);
        Assert.Equal(("140.00", "100", "90.00"), (payout3, Assert.Single(awards3).Basis, awards3[0].Amount));
    }

    [Fact]
    public async Task A_prize_won_in_a_locked_month_is_paid_in_the_next_open_month()
    {
        var (comp, world) = await WorldAsync(fixture);
        var contest = await world.AddContestAsync(March("late-cup") with { EndsAt = MarchEnd, Prizes = [], CashPrizes = [new(1, 500m, "USD")] });
        world.Clock.Now = MarchStart;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);
        await world.SellAsync(("L-1", "3000", 1, "2026-03-05"));

        // March is calculated and locked before the contest ends.
        var marchRun = await comp.RunAsync("2026-03");
        using (var manager = comp.Person(fixture, "manager", comp.Org.ManagerId))
        using (var finance = comp.Person(fixture, "finance", comp.FinanceId))
        {
            var id = (string)(await PayoutAsync(comp.Admin, "submitPayout", $"runId: \"{marchRun}\""))["id"]!;
            await PayoutAsync(manager, "approvePayout", $"payoutId: \"{id}\"");
            await PayoutAsync(finance, "financeApprovePayout", $"payoutId: \"{id}\"");
            await PayoutAsync(finance, "lockPayout", $"payoutId: \"{id}\"");
        }

        world.Clock.Now = MarchEnd;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);
        await comp.RunAsync("2026-04");

        // The award lands in April, remembering March as the month it was won in: 500 USD x 0.9 = 450.00 EUR, and
        // Rep 01 has no April sales, so the April payout is the prize alone.
        await using (var db = fixture.CreateContext(world.TenantId))
        {
            var award = await db.CompAdjustments.SingleAsync(a => a.ContestId == contest.Id);
            Assert.Equal((comp.Months["2026-04"], comp.Months["2026-03"]), (award.PeriodId, award.OriginPeriodId!.Value));
        }

        var april = (await comp.Admin.DataAsync(StatementQuery, new { p = comp.Rep(1), m = comp.Month("2026-04") }))["statement"]!;
        Assert.Equal("450.00", (string)april["payout"]!["amount"]!);
        var line = Assert.Single(april["lines"]!.AsArray(), l => (string)l!["kind"]! == "AWARD")!;
        Assert.Equal(("500", "450.00"), ((string)line["basis"]!, (string)line["amount"]!["amount"]!));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> PayoutAsync(HttpClient client, string mutation, string input)
    {
        var result = (await client.DataAsync($"mutation {{ {mutation}(input: {{ {input} }}) {{ payout {{ id status }} errors {{ code message field }} }} }}"))[mutation]!;
        Assert.Empty(result["errors"]!.AsArray());
        return result["payout"]!;
    }

    [Fact]
    public async Task A_hidden_contest_and_a_cancelled_contest_pay_nothing()
    {
        var (comp, world) = await WorldAsync(fixture);
        var hidden = await world.AddContestAsync(March("test-cup") with { EndsAt = MarchEnd, CashPrizes = TopThree, Hidden = true });
        var cancelled = await world.AddContestAsync(March("called-off") with { EndsAt = MarchEnd, CashPrizes = TopThree });
        world.Clock.Now = MarchStart;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);
        await using (var db = fixture.CreateContext(world.TenantId))
        {
            (await db.Contests.SingleAsync(c => c.Id == cancelled.Id)).Cancel(MarchStart.AddDays(3));
            await db.SaveChangesAsync();
        }

        await world.SellAsync(("H-1", "3000", 1, "2026-03-05"));
        world.Clock.Now = MarchEnd;
        await world.Lifecycle().RunOnceAsync(CancellationToken.None);
        await comp.RunAsync("2026-03");

        // The hidden contest ended with Rep 01 first, but pays nothing: the statement is the commission alone (150.00).
        Assert.Equal(ContestStatus.Ended, (await world.ReloadAsync(hidden.Id)).Status);
        Assert.Equal(ContestStatus.Cancelled, (await world.ReloadAsync(cancelled.Id)).Status);
        var (payout, awards) = await StatementAsync(comp, 1);
        Assert.Equal("150.00", payout);
        Assert.Empty(awards);
        await using var check = fixture.CreateContext(world.TenantId);
        Assert.Equal(0, await check.CompAdjustments.CountAsync(a => a.ContestId != null));
    }

    [Fact]
    public async Task Cash_prizes_are_set_through_the_api_and_a_bad_one_names_its_field_and_writes_nothing()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 2);
        using var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        const string Create = """
            mutation($input: CreateContestInput!) { createContest(input: $input) {
              contest { prizes cashPrizes { place amount { amount currency } } } errors { code field } } }
            """;
        object Input(string key, object[] cash) => new
        {
            key,
            title = "Spring cup",
            format = "TOP_N",
            metric = "CREDITED_REVENUE",
            startsAt = "2031-03-01T00:00:00Z",
            endsAt = "2031-04-01T00:00:00Z",
            prizes = new[] { "Trophy and cash" },
            cashPrizes = cash,
        };

        var bad = (await admin.DataAsync(Create, new { input = Input("spring-bad", [new { place = 1, amount = "500", currency = "USD" }, new { place = 2, amount = "10.005", currency = "USD" }]) }))["createContest"]!;
        var error = Assert.Single(bad["errors"]!.AsArray())!;
        Assert.Equal("INVALID_AMOUNT input.cashPrizes.1.amount", $"{error["code"]} {string.Join('.', error["field"]!.AsArray().Select(f => (string)f!))}");
        Assert.Null(bad["contest"]);

        var good = (await admin.DataAsync(Create, new { input = Input("spring-cup", [new { place = 2, amount = "300", currency = "USD" }, new { place = 1, amount = "500.50", currency = "USD" }]) }))["createContest"]!;
        Assert.Empty(good["errors"]!.AsArray());
        Assert.Equal(["1:500.50:USD", "2:300:USD"], good["contest"]!["cashPrizes"]!.AsArray().Select(p => $"{p!["place"]}:{p["amount"]!["amount"]}:{p["amount"]!["currency"]}"));
        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(["spring-cup"], await db.Contests.Select(c => c.Key).ToListAsync());
    }
}
