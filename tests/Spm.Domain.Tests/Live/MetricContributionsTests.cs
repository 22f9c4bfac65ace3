using Spm.Domain.Crediting;
using Spm.Domain.Events;
using Spm.Domain.Live;

namespace Spm.Domain.Tests.Live;

public sealed class MetricContributionsTests
{
    private static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private static readonly Guid Rep = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Manager = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Credited_revenue_leaves_roll_up_credits_out()
    {
        // A 1,000.00 sale split 600/400 between the rep and the manager, plus the manager's 1,000.00 roll-up:
        // the manager's revenue on a board is only what they sold (400), not 1,400.
        var changed = new CreditsChanged(Guid.NewGuid(), Tenant, Now, "crm", "S-1", 1, "USD",
        [
            new CreditDelta(Rep, CreditType.Direct, 600m, new DateOnly(2027, 2, 28)),
            new CreditDelta(Manager, CreditType.Split, 400m, new DateOnly(2027, 2, 28)),
            new CreditDelta(Manager, CreditType.Rollup, 1000m, new DateOnly(2027, 2, 28)),
        ]);

        var contributions = MetricContributions.From(changed, TimeZoneInfo.Utc);

        Assert.Equal(
            [
                new MetricContribution(Rep, LiveMetric.CreditedRevenue, 600m, new DateOnly(2027, 2, 28)),
                new MetricContribution(Manager, LiveMetric.CreditedRevenue, 400m, new DateOnly(2027, 2, 28)),
            ],
            contributions);
    }

    [Fact]
    public void A_cancelled_sale_takes_its_deal_back()
    {
        var recorded = new SaleRecorded(Guid.NewGuid(), Tenant, Now, "crm", "S-1", 1, Rep, 10m, "EUR", 11m, "USD", new DateOnly(2027, 2, 1), null, null);
        var cancelled = new SaleCancelled(Guid.NewGuid(), Tenant, Now, "crm", "S-1", 2, 1, Rep, 11m, "USD", new DateOnly(2027, 2, 1));

        var total = MetricContributions.From(recorded, TimeZoneInfo.Utc).Concat(MetricContributions.From(cancelled, TimeZoneInfo.Utc))
            .Where(c => c.Metric == LiveMetric.DealsWon).Sum(c => c.Value);

        Assert.Equal(0m, total);
    }

    [Fact]
    public void An_activity_counts_on_the_tenants_local_date()
    {
        // 02:00 UTC on 1 January is 21:00 on 31 December in New York (UTC-5 in winter): a "today" board in
        // New York must count it on the 31st.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var call = new ActivityLogged(Guid.NewGuid(), Tenant, Now, Guid.NewGuid(), Rep, "call", new DateTimeOffset(2027, 1, 1, 2, 0, 0, TimeSpan.Zero), null, "connected");

        var contribution = Assert.Single(MetricContributions.From(call, zone));

        Assert.Equal(new MetricContribution(Rep, LiveMetric.Calls, 1m, new DateOnly(2026, 12, 31)), contribution);
    }

    [Fact]
    public void Attainment_is_an_absolute_value_for_its_period_and_unknown_kinds_count_nothing()
    {
        var period = Guid.NewGuid();
        var attainment = new AttainmentChanged(Guid.NewGuid(), Tenant, Now, AttainmentScope.Participant, Rep, period, Domain.Quotas.QuotaType.Revenue, 50m, 0m, 200m, 25m, "USD");
        var note = new ActivityLogged(Guid.NewGuid(), Tenant, Now, Guid.NewGuid(), Rep, "lunch", Now, null, null);

        var contribution = Assert.Single(MetricContributions.From(attainment, TimeZoneInfo.Utc));

        Assert.True(contribution.IsAbsolute);
        Assert.Equal((LiveMetric.AttainmentPercent, 25m, (Guid?)period), (contribution.Metric, contribution.Value, contribution.PeriodId));
        Assert.Empty(MetricContributions.From(note, TimeZoneInfo.Utc));
    }
}
