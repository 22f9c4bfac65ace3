using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Approvals;
using Spm.Domain.Organisation;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Seeding;

namespace Spm.Api.Tests.Plans;

public sealed class DemoPlansTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_demo_plan_is_seeded_once_with_quotas_that_sum_and_one_pending_approval()
    {
        Guid tenantId;
        await using (var db = fixture.CreateContext(null))
        {
            tenantId = await new DemoTenantSeeder(db, Clock).SeedAsync(default);
        }

        await using (var db = fixture.CreateContext(null))
        {
            Assert.Equal(tenantId, await new DemoTenantSeeder(db, Clock).SeedAsync(default));
        }

        await using var tenant = fixture.CreateContext(tenantId);
        var plan = await tenant.SalesPlans.SingleAsync();
        Assert.Equal((2027, 48_000_000m), (plan.FiscalYear, plan.RevenueTarget));
        // 6 teams + 60 reps, each for the year, 4 quarters and 12 months.
        Assert.Equal(66 * 17, await tenant.Quotas.CountAsync());
        var year = await tenant.Periods.SingleAsync(p => p.FiscalYear == 2027 && p.Kind == PeriodKind.FiscalYear);
        var root = await tenant.Teams.SingleAsync(t => t.ParentTeamId == null);
        Assert.Equal(48_000_000m, (await tenant.Quotas.SingleAsync(q => q.TeamId == root.Id && q.PeriodId == year.Id)).Amount);
        Assert.Equal(48_000_000m, await tenant.Quotas.Where(q => q.ParticipantId != null && q.PeriodId == year.Id).SumAsync(q => q.Amount));

        var pending = await tenant.ApprovalRequests.SingleAsync();
        Assert.Equal((ApprovalState.Submitted, "FY2027 Revenue quotas of EMEA"), (pending.State, pending.Title));
        // EMEA: the team and its 12 reps, 17 periods each.
        Assert.Equal(13 * 17, await tenant.Quotas.CountAsync(q => q.Status == QuotaStatus.Submitted && q.ApprovalRequestId == pending.Id));
    }
}
