using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using static Spm.Api.Tests.Quotas.PlanningOrg;

namespace Spm.Api.Tests.Quotas;

public sealed class AllocationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Allocate = """
        mutation($input: AllocateQuotasInput!) {
          allocateQuotas(input: $input) { total quotaCount changedCount topQuotas { amount team { name } } errors { code message field } }
        }
        """;

    private const string PeriodQuotas = """
        query($p: ID!) {
          teams { id name parent { id } quotas(periodId: $p, type: REVENUE) { id amount isOverlay }
                  members { name role quotas(periodId: $p) { id amount isOverlay rampPercentage } } }
        }
        """;

    [Fact]
    public async Task Equal_allocation_sums_exactly_at_every_level_and_period_with_ramp_and_overlay()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture);
        var admin = org.Admin(fixture);

        var payload = (await admin.DataAsync(Allocate, new { input = new { planId, weightBasis = "EQUAL", reason = "FY27 kick-off" } }))["allocateQuotas"]!;
        AssertNoErrors(payload);
        // 3 teams + 7 reps + 1 overlay, each for the year, 4 quarters and 12 months.
        Assert.Equal(11 * 17, payload["quotaCount"]!.GetValue<int>());
        Assert.Equal(11 * 17, payload["changedCount"]!.GetValue<int>());
        Assert.Equal("1000000.07", payload["total"]!.GetValue<string>());
        Assert.Equal("1000000.07", Assert.Single(payload["topQuotas"]!.AsArray())!["amount"]!.GetValue<string>());

        var plan = (await admin.DataAsync("{ salesPlan(fiscalYear: 2027) { targets { amount period { id kind number parent { id } } } } }"))["salesPlan"]!;
        var targets = plan["targets"]!.AsArray().ToDictionary(t => t!["period"]!["id"]!.GetValue<string>(), t => Dec(t!["amount"]));
        var parents = plan["targets"]!.AsArray().ToDictionary(t => t!["period"]!["id"]!.GetValue<string>(), t => t!["period"]!["parent"]?["id"]?.GetValue<string>());
        var kinds = plan["targets"]!.AsArray().ToDictionary(t => t!["period"]!["id"]!.GetValue<string>(), t => (t!["period"]!["kind"]!.GetValue<string>(), t!["period"]!["number"]!.GetValue<int>()));

        // subject -> period -> amount, for the period roll-up checks below.
        var bySubject = new Dictionary<string, Dictionary<string, decimal>>();
        foreach (var periodId in targets.Keys)
        {
            var teams = (await admin.DataAsync(PeriodQuotas, new { p = periodId }))["teams"]!.AsArray();
            var amountOf = teams.ToDictionary(t => t!["id"]!.GetValue<string>(), t => Dec(Assert.Single(t!["quotas"]!.AsArray())!["amount"]));
            Assert.Equal(targets[periodId], amountOf[Id("Team", org.Company)]);
            foreach (var team in teams)
            {
                var teamId = team!["id"]!.GetValue<string>();
                var childTeams = teams.Where(t => t!["parent"]?["id"]?.GetValue<string>() == teamId).Sum(t => amountOf[t!["id"]!.GetValue<string>()]);
                var members = team["members"]!.AsArray().SelectMany(p => p!["quotas"]!.AsArray()).Where(q => !q!["isOverlay"]!.GetValue<bool>()).Sum(q => Dec(q!["amount"]));
                Assert.Equal(amountOf[teamId], childTeams + members);
                Record(team["name"]!.GetValue<string>(), amountOf[teamId]);
                foreach (var member in team["members"]!.AsArray())
                {
                    foreach (var quota in member!["quotas"]!.AsArray())
                    {
                        Record(member["name"]!.GetValue<string>() + (quota!["isOverlay"]!.GetValue<bool>() ? "/overlay" : string.Empty), Dec(quota["amount"]));
                    }
                }
            }

            // The overlay specialist carries all of North's number (share 1), outside the roll-up.
            var north = teams.Single(t => t!["name"]!.GetValue<string>() == "North")!;
            var overlay = north["members"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "NO")!["quotas"]!.AsArray().Single()!;
            Assert.True(overlay["isOverlay"]!.GetValue<bool>());
            if (kinds[periodId].Item1 == "MONTH")
            {
                Assert.Equal(amountOf[north["id"]!.GetValue<string>()], Dec(overlay["amount"]));
            }

            void Record(string subject, decimal amount)
            {
                if (!bySubject.TryGetValue(subject, out var periods))
                {
                    bySubject[subject] = periods = [];
                }

                periods[periodId] = amount;
            }
        }

        // Every subject's quarters sum to its year and months to their quarter.
        Assert.Equal(11, bySubject.Count);
        foreach (var (subject, periods) in bySubject)
        {
            foreach (var (periodId, amount) in periods)
            {
                var children = periods.Where(p => parents[p.Key] == periodId).ToList();
                if (children.Count > 0)
                {
                    Assert.True(children.Sum(c => c.Value) == amount, $"{subject}: {kinds[periodId]} is {amount}, its sub-periods sum to {children.Sum(c => c.Value)}");
                }
            }
        }

        // S4 is hired 2027-03-10: nothing in January and February, 25 % of a ramped peer's month in March (to the cent).
        var months = kinds.Where(k => k.Value.Item1 == "MONTH").OrderBy(k => k.Value.Item2).Select(k => k.Key).ToList();
        Assert.Equal(0m, bySubject["S4"][months[0]]);
        Assert.Equal(0m, bySubject["S4"][months[1]]);
        Assert.True(Math.Abs(bySubject["S4"][months[2]] - (0.25m * bySubject["S1"][months[2]])) <= 0.01m);
        Assert.True(Math.Abs(bySubject["S4"][months[3]] - (0.5m * bySubject["S1"][months[3]])) <= 0.01m);
        // Fully ramped from July: the same share as S1 but for the leftover cent the largest remainder hands out.
        Assert.True(Math.Abs(bySubject["S1"][months[6]] - bySubject["S4"][months[6]]) <= 0.01m);
        var march = (await admin.DataAsync(PeriodQuotas, new { p = months[2] }))["teams"]!.AsArray()
            .SelectMany(t => t!["members"]!.AsArray()).Single(p => p!["name"]!.GetValue<string>() == "S4")!["quotas"]![0]!;
        Assert.Equal("0.25", march["rampPercentage"]!.GetValue<string>());

        // January: equal weights, S4 not hired: 6 ramped reps share 60,000.00 (6 % of 1,000,000.07 = 60,000.0042 -> 60,000.00).
        Assert.Equal(60_000.00m, bySubject["Company"][months[0]]);
        Assert.Equal(30_000.00m, bySubject["North"][months[0]]);
        Assert.Equal(10_000.00m, bySubject["N1"][months[0]]);
    }

    [Fact]
    public async Task Every_quota_gets_a_history_row_and_running_the_same_allocation_again_writes_nothing()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture);
        var admin = org.Admin(fixture);
        AssertNoErrors((await admin.DataAsync(Allocate, new { input = new { planId, reason = "first" } }))["allocateQuotas"]!);

        await using (var db = fixture.CreateContext(org.TenantId))
        {
            Assert.Equal(187, await db.Quotas.CountAsync());
            Assert.Equal(187, await db.QuotaChanges.CountAsync());
            Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "quota.allocate"));
        }

        var again = (await admin.DataAsync(Allocate, new { input = new { planId, reason = "again" } }))["allocateQuotas"]!;
        AssertNoErrors(again);
        Assert.Equal(0, again["changedCount"]!.GetValue<int>());

        var year = await YearIdAsync(admin);
        var quota = (await admin.DataAsync("query($p: ID!, $s: ID!) { quotas(first: 5, periodId: $p, subjectId: $s) { totalCount nodes { id amount } } }", new { p = year, s = Id("Participant", org.Reps["N1"]) }))["quotas"]!;
        Assert.Equal(1, quota["totalCount"]!.GetValue<int>());
        var quotaId = quota["nodes"]![0]!["id"]!.GetValue<string>();
        var history = (await admin.DataAsync("query($q: ID!) { quotaHistory(quotaId: $q) { action oldAmount newAmount oldStatus newStatus reason actor } }", new { q = quotaId }))["quotaHistory"]!.AsArray();
        var row = Assert.Single(history)!;
        Assert.Equal("ALLOCATED", row["action"]!.GetValue<string>());
        Assert.Null(row["oldAmount"]);
        Assert.Equal(quota["nodes"]![0]!["amount"]!.GetValue<string>(), Dec(row["newAmount"]).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("DRAFT", row["newStatus"]!.GetValue<string>());
        Assert.Equal("first", row["reason"]!.GetValue<string>());
        Assert.Equal("test-user", row["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custom_weights_split_the_year_in_proportion()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture, "1200000.00");
        var admin = org.Admin(fixture);
        var weights = new[] { ("N1", "3"), ("N2", "1"), ("S1", "2") }.Select(w => new { participantId = Id("Participant", org.Reps[w.Item1]), weight = w.Item2 }).ToArray();
        var year = await YearIdAsync(admin);
        AssertNoErrors((await admin.DataAsync(Allocate, new { input = new { planId, periodId = year, weightBasis = "CUSTOM", customWeights = weights } }))["allocateQuotas"]!);

        // Weights 3 : 1 : 2 of 1,200,000.00 month by month -> 600,000 / 200,000 / 400,000 for the year; the rest weigh 0.
        var amounts = await YearAmountsAsync(admin, year);
        Assert.Equal(600_000.00m, amounts["N1"]);
        Assert.Equal(200_000.00m, amounts["N2"]);
        Assert.Equal(400_000.00m, amounts["S1"]);
        Assert.Equal(0m, amounts["N3"]);
        Assert.Equal(800_000.00m, amounts["North"]);
        Assert.Equal(1_200_000.00m, amounts["Company"]);
    }

    [Theory]
    [InlineData("ZERO")]
    [InlineData("NEGATIVE")]
    [InlineData("NOT_A_NUMBER")]
    [InlineData("UNKNOWN_PARTICIPANT")]
    [InlineData("PRIOR_PERIOD_ACTUALS")]
    [InlineData("UNKNOWN_PLAN")]
    [InlineData("UNKNOWN_PERIOD")]
    [InlineData("NEGATIVE_TARGET")]
    [InlineData("COUNT_WITHOUT_TARGET")]
    public async Task Bad_allocation_input_is_refused_naming_the_field_and_writes_nothing(string @case)
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture);
        var admin = org.Admin(fixture);
        var n1 = Id("Participant", org.Reps["N1"]);
        var (input, code, field) = @case switch
        {
            "ZERO" => ((object)new { planId, weightBasis = "CUSTOM", customWeights = new[] { new { participantId = n1, weight = "0" } } }, "ALLOCATION_ZERO_WEIGHTS", "input.customWeights"),
            "NEGATIVE" => (new { planId, weightBasis = "CUSTOM", customWeights = new[] { new { participantId = n1, weight = "-1" } } }, "ALLOCATION_NEGATIVE_WEIGHT", "input.customWeights.0.weight"),
            "NOT_A_NUMBER" => (new { planId, weightBasis = "CUSTOM", customWeights = new[] { new { participantId = n1, weight = "lots" } } }, "NOT_A_NUMBER", "input.customWeights.0.weight"),
            "UNKNOWN_PARTICIPANT" => (new { planId, weightBasis = "CUSTOM", customWeights = new[] { new { participantId = Id("Participant", org.Nora), weight = "1" } } }, "ALLOCATION_UNKNOWN_PARTICIPANT", "input.customWeights.0.participantId"),
            "PRIOR_PERIOD_ACTUALS" => (new { planId, weightBasis = "PRIOR_PERIOD_ACTUALS" }, "ALLOCATION_ZERO_WEIGHTS", "input.weightBasis"),
            "UNKNOWN_PLAN" => (new { planId = Id("SalesPlan", Guid.CreateVersion7()) }, "NOT_FOUND", "input.planId"),
            "UNKNOWN_PERIOD" => (new { planId, periodId = Id("Period", Guid.CreateVersion7()) }, "NOT_FOUND", "input.periodId"),
            "NEGATIVE_TARGET" => (new { planId, target = "-5.00" }, "QUOTA_NEGATIVE", "input.target"),
            _ => (new { planId, type = "DEAL_COUNT" }, "REQUIRED", "input.target"),
        };

        var payload = (await admin.DataAsync(Allocate, new { input }))["allocateQuotas"]!;
        var error = SingleError(payload);
        Assert.Equal((code, field), error);
        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(0, await db.Quotas.CountAsync());
        Assert.Equal(0, await db.QuotaChanges.CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action == "quota.allocate"));
    }

    [Fact]
    public async Task Prior_period_actuals_weigh_reps_by_their_net_credits_of_the_twelve_months_before_the_plan()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture);
        var admin = org.Admin(fixture);
        await using (var db = fixture.CreateContext(org.TenantId))
        {
            // FY2027 starts 2027-01-01, so the prior period is 2026-01-01..2026-12-31.
            // N1: 400 - 100 (a reversal) = 300; N2: 100; N3: only a sale from 2025 (outside); Nora: roll-up (left out).
            db.Credits.AddRange(
                Credit(org.TenantId, org.Reps["N1"], "Direct", 400m, new DateOnly(2026, 3, 1)),
                Credit(org.TenantId, org.Reps["N1"], "Direct", -100m, new DateOnly(2026, 4, 1)),
                Credit(org.TenantId, org.Reps["N2"], "Split", 100m, new DateOnly(2026, 12, 31)),
                Credit(org.TenantId, org.Reps["N3"], "Direct", 500m, new DateOnly(2025, 12, 31)),
                Credit(org.TenantId, org.Nora, "Rollup", 1000m, new DateOnly(2026, 6, 1)));
            await db.SaveChangesAsync();
        }

        var payload = (await admin.DataAsync(Allocate, new { input = new { planId, weightBasis = "PRIOR_PERIOD_ACTUALS" } }))["allocateQuotas"]!;
        AssertNoErrors(payload);

        var year = (await admin.DataAsync("{ salesPlan(fiscalYear: 2027) { targets { period { id kind } } } }"))["salesPlan"]!["targets"]!.AsArray()
            .Single(t => t!["period"]!["kind"]!.GetValue<string>() == "FISCAL_YEAR")!["period"]!["id"]!.GetValue<string>();
        var teams = (await admin.DataAsync(PeriodQuotas, new { p = year }))["teams"]!.AsArray();
        decimal RepYear(string team, string name) => Dec(Assert.Single(teams.Single(t => t!["name"]!.GetValue<string>() == team)!["members"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>().StartsWith(name, StringComparison.Ordinal))!["quotas"]!.AsArray(), q => !q!["isOverlay"]!.GetValue<bool>())!["amount"]);

        // Weights 300 : 100 : 0: North carries the whole 1,000,000.07, N1 three quarters of it
        // (each month is split to the cent, so the year may differ from 750,000.05 by a few cents).
        Assert.Equal(0m, RepYear("South", "S1"));
        Assert.Equal(0m, RepYear("North", "N3"));
        var n1 = RepYear("North", "N1");
        var n2 = RepYear("North", "N2");
        Assert.Equal(1000000.07m, n1 + n2);
        Assert.InRange(n1, 750000.05m - 0.12m, 750000.05m + 0.12m);
    }

    private static Spm.Infrastructure.Sales.StoredCredit Credit(Guid tenant, Guid participant, string type, decimal amount, DateOnly posted) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenant,
        SaleId = Guid.CreateVersion7(),
        SaleRevisionId = Guid.CreateVersion7(),
        SaleRevision = 1,
        Type = type,
        AdjustedType = type,
        RuleId = Guid.CreateVersion7(),
        ParticipantId = participant,
        Reason = "test",
        Amount = amount,
        Currency = "USD",
        ReportingAmount = amount,
        ReportingCurrency = "USD",
        PayAmount = amount,
        PayCurrency = "USD",
        CloseDate = posted,
        PostingDate = posted,
    };

    [Fact]
    public async Task A_count_quota_is_allocated_in_whole_units()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture);
        var admin = org.Admin(fixture);
        var year = await YearIdAsync(admin);
        var payload = (await admin.DataAsync(Allocate, new { input = new { planId, type = "DEAL_COUNT", target = "601" } }))["allocateQuotas"]!;
        AssertNoErrors(payload);
        var quotas = (await admin.DataAsync("query($p: ID!) { quotas(first: 100, periodId: $p, type: DEAL_COUNT, subjectKind: PARTICIPANT, overlay: false) { nodes { amount currency } } }", new { p = year }))["quotas"]!["nodes"]!.AsArray();
        Assert.Equal(7, quotas.Count);
        Assert.All(quotas, q => Assert.DoesNotContain(".", q!["amount"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(quotas, q => Assert.Null(q!["currency"]));
        Assert.Equal(601m, quotas.Sum(q => Dec(q!["amount"])));
    }

    internal static async Task<string> YearIdAsync(HttpClient client) =>
        (await client.DataAsync("{ periods(fiscalYear: 2027) { id kind } }"))["periods"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "FISCAL_YEAR")!["id"]!.GetValue<string>();

    internal static async Task<Dictionary<string, decimal>> YearAmountsAsync(HttpClient client, string periodId)
    {
        var teams = (await client.DataAsync(PeriodQuotas, new { p = periodId }))["teams"]!.AsArray();
        var result = new Dictionary<string, decimal>();
        foreach (var team in teams)
        {
            result[team!["name"]!.GetValue<string>()] = Dec(team["quotas"]![0]!["amount"]);
            foreach (var member in team["members"]!.AsArray())
            {
                foreach (var q in member!["quotas"]!.AsArray().Where(q => !q!["isOverlay"]!.GetValue<bool>()))
                {
                    result[member["name"]!.GetValue<string>()] = Dec(q!["amount"]);
                }
            }
        }

        return result;
    }

    internal static JsonNode Payload(JsonNode data, string name) => data[name]!;
}
