using Spm.Domain.Common;
using Spm.Domain.Quotas;

namespace Spm.Domain.Tests.Quotas;

public sealed class RampedQuotaTests
{
    [Fact]
    public void Applies_the_ramp_by_month_of_tenure_from_the_hire_month()
    {
        // Hired 20 Feb: Jan is before the hire (0 %), Feb is tenure month 1 (25 %), Mar 50 %, Apr 75 %, then 100 %.
        var schedule = RampedQuota.Schedule(
            10_000m, new DateOnly(2025, 2, 20), new DateOnly(2025, 1, 1), 6, [0.25m, 0.5m, 0.75m], Allocator.Cent);

        Assert.Equal(
            [
                new RampedQuotaMonth(new DateOnly(2025, 1, 1), 0, 0m, 0m),
                new RampedQuotaMonth(new DateOnly(2025, 2, 1), 1, 0.25m, 2_500m),
                new RampedQuotaMonth(new DateOnly(2025, 3, 1), 2, 0.5m, 5_000m),
                new RampedQuotaMonth(new DateOnly(2025, 4, 1), 3, 0.75m, 7_500m),
                new RampedQuotaMonth(new DateOnly(2025, 5, 1), 4, 1m, 10_000m),
                new RampedQuotaMonth(new DateOnly(2025, 6, 1), 5, 1m, 10_000m),
            ],
            schedule);
    }

    [Fact]
    public void Rounds_each_month_to_the_unit()
    {
        // 3333.33 * 0.25 = 833.3325 -> 833.33; counts: 7 deals * 0.5 = 3.5 -> 4 (half away from zero).
        Assert.Equal(833.33m, RampedQuota.Schedule(3333.33m, new(2025, 1, 1), new(2025, 1, 1), 1, [0.25m], 0.01m)[0].Quota);
        Assert.Equal(4m, RampedQuota.Schedule(7m, new(2025, 1, 1), new(2025, 1, 1), 1, [0.5m], 1m)[0].Quota);
    }

    [Fact]
    public void Ramp_values_outside_zero_to_one_are_rejected()
    {
        var ex = Assert.Throws<DomainException>(() =>
            RampedQuota.Schedule(100m, new(2025, 1, 1), new(2025, 1, 1), 3, [0.5m, 1.5m], 0.01m));
        Assert.Contains("tenure month 2", ex.Message, StringComparison.Ordinal);
    }
}
