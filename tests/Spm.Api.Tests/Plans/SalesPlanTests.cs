using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Quotas;
using static Spm.Api.Tests.Quotas.PlanningOrg;

namespace Spm.Api.Tests.Plans;

public sealed class SalesPlanTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] HalfFirstMonth = ["0.5"];

    private const string Create = "mutation($input: CreateSalesPlanInput!) { createSalesPlan(input: $input) { salesPlan { id } errors { code message field } } }";

    [Fact]
    public async Task A_plan_splits_an_awkward_target_by_seasonality_to_the_cent_and_can_be_read_back()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        await org.CreatePlanAsync(fixture);
        var plan = (await org.Admin(fixture).DataAsync("""
            { salesPlan(fiscalYear: 2027) { fiscalYear name currency revenueTarget status seasonality
                assumptions { productivityPerRampedRepPerMonth rampCurve annualAttritionRate hiringLeadTimeMonths }
                targets { kind number amount period { name } } } }
            """))["salesPlan"]!;
        Assert.Equal("FY2027 sales plan", plan["name"]!.GetValue<string>());
        Assert.Equal("EUR", plan["currency"]!.GetValue<string>());
        Assert.Equal("1000000.07", plan["revenueTarget"]!.GetValue<string>());
        Assert.Equal("DRAFT", plan["status"]!.GetValue<string>());
        Assert.Equal(Seasonality, plan["seasonality"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["0.25", "0.5", "0.75"], plan["assumptions"]!["rampCurve"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("0.12", plan["assumptions"]!["annualAttritionRate"]!.GetValue<string>());

        // 100,000,007 cents by quarter weights .21/.24/.25/.30: floors 21,000,001 / 24,000,001 / 25,000,001 / 30,000,002
        // leave 2 cents for the largest remainders (Q3 .75, Q2 .68). Q1's 21,000,001 cents by .06/.07/.08 floor to
        // 6,000,000 / 7,000,000 / 8,000,000 and the last cent goes to month 3 (remainder .381).
        var amounts = plan["targets"]!.AsArray().Select(t => (t!["period"]!["name"]!.GetValue<string>(), t["amount"]!.GetValue<string>())).ToList();
        Assert.Equal(17, amounts.Count);
        Assert.Equal(("FY2027", "1000000.07"), amounts[0]);
        Assert.Equal([("FY2027-Q1", "210000.01"), ("FY2027-Q2", "240000.02"), ("FY2027-Q3", "250000.02"), ("FY2027-Q4", "300000.02")], amounts.Skip(1).Take(4));
        Assert.Equal([("FY2027-M01", "60000.00"), ("FY2027-M02", "70000.00"), ("FY2027-M03", "80000.01")], amounts.Skip(5).Take(3));
        Assert.Equal(1_000_000.07m, amounts.Skip(5).Sum(a => decimal.Parse(a.Item2, System.Globalization.CultureInfo.InvariantCulture)));

        var all = (await org.Admin(fixture).DataAsync("{ salesPlans { fiscalYear } }"))["salesPlans"]!.AsArray();
        Assert.Equal(2027, Assert.Single(all)!["fiscalYear"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("revenueTarget", "1e6", "NOT_A_NUMBER")]
    [InlineData("revenueTarget", "-1.00", "PLAN_TARGET_NEGATIVE")]
    [InlineData("revenueTarget", "10.001", "PLAN_TARGET_PRECISION")]
    [InlineData("productivityPerRampedRepPerMonth", "0", "PLAN_PRODUCTIVITY_INVALID")]
    [InlineData("annualAttritionRate", "1.5", "PLAN_ATTRITION_INVALID")]
    [InlineData("seasonality", "0.9", "PLAN_SEASONALITY_SUM")]
    [InlineData("seasonality", "11", "PLAN_SEASONALITY_COUNT")]
    [InlineData("rampCurve", "1.5", "PLAN_RAMP_INVALID")]
    public async Task Bad_plan_input_is_refused_naming_the_field_and_writes_nothing(string field, string value, string code)
    {
        var org = await TestData.CreateTenantAsync(fixture);
        var input = new Dictionary<string, object>
        {
            ["fiscalYear"] = 2027,
            ["revenueTarget"] = "1200000.00",
            ["productivityPerRampedRepPerMonth"] = "25000",
        };
        input[field] = field switch
        {
            "seasonality" when value == "11" => Enumerable.Repeat("0.09", 11).ToArray(),
            "seasonality" => Enumerable.Repeat("0.075", 12).ToArray(),
            "rampCurve" => new[] { "0.5", value },
            _ => value,
        };
        var payload = (await fixture.Api.ClientFor(org.TenantId, "admin").DataAsync(Create, new { input }))["createSalesPlan"]!;
        Assert.Equal((code, "input." + field), SingleError(payload));
        Assert.Null(payload["salesPlan"]);

        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(0, await db.SalesPlans.CountAsync());
        Assert.Equal(0, await db.Periods.CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task A_second_plan_for_the_same_fiscal_year_is_refused_and_updates_recompute_the_targets()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture);
        var admin = org.Admin(fixture);
        var duplicate = (await admin.DataAsync(Create, new { input = new { fiscalYear = 2027, revenueTarget = "5.00", productivityPerRampedRepPerMonth = "1" } }))["createSalesPlan"]!;
        Assert.Equal(("PLAN_DUPLICATE", "input.fiscalYear"), SingleError(duplicate));

        var updated = (await admin.DataAsync(
            "mutation($input: UpdateSalesPlanInput!) { updateSalesPlan(input: $input) { salesPlan { revenueTarget status targets { amount } assumptions { hiringLeadTimeMonths } } errors { code field } } }",
            new { input = new { id = planId, revenueTarget = "2000000.00", status = "ACTIVE", hiringLeadTimeMonths = 3 } }))["updateSalesPlan"]!;
        AssertNoErrors(updated);
        Assert.Equal("2000000.00", updated["salesPlan"]!["revenueTarget"]!.GetValue<string>());
        Assert.Equal("ACTIVE", updated["salesPlan"]!["status"]!.GetValue<string>());
        Assert.Equal(3, updated["salesPlan"]!["assumptions"]!["hiringLeadTimeMonths"]!.GetValue<int>());
        // Q1 = 21 % of 2,000,000.00.
        Assert.Equal("420000.00", updated["salesPlan"]!["targets"]![1]!["amount"]!.GetValue<string>());

        var unknown = (await admin.DataAsync("mutation($input: UpdateSalesPlanInput!) { updateSalesPlan(input: $input) { errors { code message field } } }", new { input = new { id = Id("SalesPlan", Guid.CreateVersion7()), name = "x" } }))["updateSalesPlan"]!;
        Assert.Equal(("NOT_FOUND", "input.id"), SingleError(unknown));

        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(1, await db.SalesPlans.CountAsync());
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "salesPlan.create"));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "salesPlan.update"));
    }

    [Fact]
    public async Task Capacity_and_what_if_give_the_hand_worked_numbers_and_save_nothing()
    {
        // Three ramped reps; 1,200,000.00 over twelve equal months = 100,000.00 a month; 25,000 per rep-month:
        // 4 reps needed, 3 on the roster -> gap 1, one hire in month 1 (no lead time, no ramp).
        var org = await TestData.CreateTenantAsync(fixture, reps: 3);
        var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        var created = (await admin.DataAsync(Create, new { input = new { fiscalYear = 2027, revenueTarget = "1200000.00", productivityPerRampedRepPerMonth = "25000" } }))["createSalesPlan"]!;
        AssertNoErrors(created);
        var planId = created["salesPlan"]!["id"]!.GetValue<string>();
        const string Fields = "isWhatIf currentHeadcount totalHires peakRequiredFte months { month target requiredFte rosterHeadcount fteGap headcountGap capacityGap hiresStarting plannedHireFte uncoveredFte period { name } } cohorts { startMonth hires latestRequisitionMonth }";

        var capacity = (await admin.DataAsync($"query($p: ID!) {{ capacity(planId: $p) {{ {Fields} }} }}", new { p = planId }))["capacity"]!;
        Assert.False(capacity["isWhatIf"]!.GetValue<bool>());
        Assert.Equal((3, 1, 4), (capacity["currentHeadcount"]!.GetValue<int>(), capacity["totalHires"]!.GetValue<int>(), capacity["peakRequiredFte"]!.GetValue<int>()));
        var january = capacity["months"]![0]!;
        Assert.Equal("FY2027-M01", january["period"]!["name"]!.GetValue<string>());
        Assert.Equal("100000.00", january["target"]!.GetValue<string>());
        Assert.Equal(4, january["requiredFte"]!.GetValue<int>());
        Assert.Equal("1", january["fteGap"]!.GetValue<string>());
        Assert.Equal("1", january["headcountGap"]!.GetValue<string>());
        Assert.Equal("25000.00", january["capacityGap"]!.GetValue<string>());
        Assert.Equal(1, january["hiresStarting"]!.GetValue<int>());
        var cohort = Assert.Single(capacity["cohorts"]!.AsArray())!;
        Assert.Equal(("2027-01-01", 1), (cohort["startMonth"]!.GetValue<string>(), cohort["hires"]!.GetValue<int>()));

        // Double the productivity: 2 needed, one spare, nobody to hire.
        var richer = (await admin.DataAsync($"query($i: CapacityWhatIfInput!) {{ capacityWhatIf(input: $i) {{ {Fields} }} }}", new { i = new { planId, productivityPerRampedRepPerMonth = "50000" } }))["capacityWhatIf"]!;
        Assert.True(richer["isWhatIf"]!.GetValue<bool>());
        Assert.Equal(0, richer["totalHires"]!.GetValue<int>());
        Assert.Equal("-1", richer["months"]![0]!["fteGap"]!.GetValue<string>());

        // A one-month lead time and a 50 % first month: January cannot be covered (1 FTE uncovered); two hires start in
        // February (each at 50 %) to cover its gap of 1, and from March they are ramped (2 FTE, one spare).
        var slower = (await admin.DataAsync($"query($i: CapacityWhatIfInput!) {{ capacityWhatIf(input: $i) {{ {Fields} }} }}", new { i = new { planId, rampCurve = HalfFirstMonth, hiringLeadTimeMonths = 1 } }))["capacityWhatIf"]!;
        Assert.Equal(2, slower["totalHires"]!.GetValue<int>());
        Assert.Equal("1", slower["months"]![0]!["uncoveredFte"]!.GetValue<string>());
        Assert.Equal(2, slower["months"]![1]!["hiresStarting"]!.GetValue<int>());
        Assert.Equal("1", DecimalTrim(slower["months"]![1]!["plannedHireFte"]!.GetValue<string>()));
        Assert.Equal("2027-01-01", Assert.Single(slower["cohorts"]!.AsArray())!["latestRequisitionMonth"]!.GetValue<string>());

        var bad = await admin.QueryAsync("query($i: CapacityWhatIfInput!) { capacityWhatIf(input: $i) { totalHires } }", new { i = new { planId, annualAttritionRate = "1.5" } });
        var error = Assert.Single(bad["errors"]!.AsArray())!;
        Assert.Equal("PLAN_ATTRITION_INVALID", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("input.annualAttritionRate", error["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // The plan's stored assumptions did not move.
        var stored = (await admin.DataAsync("{ salesPlan(fiscalYear: 2027) { assumptions { productivityPerRampedRepPerMonth rampCurve hiringLeadTimeMonths } } }"))["salesPlan"]!["assumptions"]!;
        Assert.Equal(("25000", 0, 0), (stored["productivityPerRampedRepPerMonth"]!.GetValue<string>(), stored["rampCurve"]!.AsArray().Count, stored["hiringLeadTimeMonths"]!.GetValue<int>()));
    }

    private static string DecimalTrim(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
