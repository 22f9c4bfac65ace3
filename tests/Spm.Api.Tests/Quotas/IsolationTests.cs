using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using static Spm.Api.Tests.Quotas.PlanningOrg;

namespace Spm.Api.Tests.Quotas;

public sealed class IsolationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Another_tenant_sees_and_changes_none_of_the_plans_quotas_or_approvals()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture);
        var admin = org.Admin(fixture);
        AssertNoErrors((await admin.DataAsync("mutation($p: ID!) { allocateQuotas(input: { planId: $p }) { errors { code } } }", new { p = planId }))["allocateQuotas"]!);
        var year = await AllocationTests.YearIdAsync(admin);
        var northYear = (await admin.DataAsync("query($p: ID!, $s: ID!) { quotas(first: 1, periodId: $p, subjectId: $s) { nodes { id } } }", new { p = year, s = Id("Team", org.North) }))["quotas"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var submitted = (await org.As(fixture, "manager", org.Nora).DataAsync("mutation($q: ID!) { submitQuotas(input: { quotaId: $q }) { approvalRequest { id } errors { code } } }", new { q = northYear }))["submitQuotas"]!;
        AssertNoErrors(submitted);
        var requestId = submitted["approvalRequest"]!["id"]!.GetValue<string>();

        var other = await TestData.CreateTenantAsync(fixture);
        var intruder = fixture.Api.ClientFor(other.TenantId, "admin");
        var read = await intruder.DataAsync(
            """
            query($plan: ID!, $year: ID!, $quota: ID!, $request: ID!) {
              salesPlans { id }
              salesPlan(fiscalYear: 2027) { id }
              capacity(planId: $plan) { totalHires }
              quotas(first: 10, periodId: $year) { totalCount }
              quotaHistory(quotaId: $quota) { action }
              approvalRequests(first: 10) { totalCount }
              quota: node(id: $quota) { id }
              request: node(id: $request) { id }
              plan: node(id: $plan) { id }
            }
            """,
            new { plan = planId, year, quota = northYear, request = requestId });
        Assert.Empty(read["salesPlans"]!.AsArray());
        Assert.Null(read["salesPlan"]);
        Assert.Null(read["capacity"]);
        Assert.Equal(0, read["quotas"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(read["quotaHistory"]!.AsArray());
        Assert.Equal(0, read["approvalRequests"]!["totalCount"]!.GetValue<int>());
        Assert.Null(read["quota"]);
        Assert.Null(read["request"]);
        Assert.Null(read["plan"]);

        var allocate = (await intruder.DataAsync("mutation($p: ID!) { allocateQuotas(input: { planId: $p }) { errors { code message field } } }", new { p = planId }))["allocateQuotas"]!;
        Assert.Equal(("NOT_FOUND", "input.planId"), SingleError(allocate));
        var adjust = (await intruder.DataAsync("mutation($q: ID!) { adjustQuota(input: { quotaId: $q, amount: \"1.00\", reason: \"x\" }) { errors { code message field } } }", new { q = northYear }))["adjustQuota"]!;
        Assert.Equal(("NOT_FOUND", "input.quotaId"), SingleError(adjust));
        var approve = (await intruder.DataAsync("mutation($a: ID!) { approveQuotas(input: { approvalRequestId: $a }) { errors { code message field } } }", new { a = requestId }))["approveQuotas"]!;
        Assert.Equal(("NOT_FOUND", "input.approvalRequestId"), SingleError(approve));
        var update = (await intruder.DataAsync("mutation($p: ID!) { updateSalesPlan(input: { id: $p, name: \"mine\" }) { errors { code message field } } }", new { p = planId }))["updateSalesPlan"]!;
        Assert.Equal(("NOT_FOUND", "input.id"), SingleError(update));

        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal("FY2027 sales plan", (await db.SalesPlans.SingleAsync()).Name);
        Assert.Equal(85, await db.Quotas.CountAsync(q => q.Status == Spm.Domain.Quotas.QuotaStatus.Submitted));
    }
}
