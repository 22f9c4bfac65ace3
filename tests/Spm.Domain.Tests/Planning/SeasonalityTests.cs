using Spm.Domain.Common;
using Spm.Domain.Planning;

namespace Spm.Domain.Tests.Planning;

public sealed class SeasonalityTests
{
    private static readonly decimal[] EqualMonths = Enumerable.Repeat(1m / 12m, 12).ToArray();

    [Fact]
    public void Equal_months_split_to_the_cent_and_add_up_at_every_level()
    {
        // 1000.00 -> quarters of 250.00; each quarter 25000 cents / 3 = 8333 r 1 -> 83.34, 83.33, 83.33.
        var split = Seasonality.Split(1000.00m, EqualMonths);

        Assert.Equal([250m, 250m, 250m, 250m], split.Quarters);
        Assert.Equal(
            [83.34m, 83.33m, 83.33m, 83.34m, 83.33m, 83.33m, 83.34m, 83.33m, 83.33m, 83.34m, 83.33m, 83.33m],
            split.Months);
        Assert.Equal(1000.00m, split.Months.Sum());
    }

    [Fact]
    public void Uneven_seasonality_splits_quarters_by_the_sum_of_their_months()
    {
        // Quarter weights 0.20, 0.25, 0.24, 0.31 of 1,000,000.
        decimal[] weights = [0.05m, 0.06m, 0.09m, 0.08m, 0.08m, 0.09m, 0.07m, 0.07m, 0.10m, 0.10m, 0.10m, 0.11m];
        var split = Seasonality.Split(1_000_000m, weights);

        Assert.Equal([200_000m, 250_000m, 240_000m, 310_000m], split.Quarters);
        Assert.Equal(50_000m, split.Months[0]);
        Assert.Equal(110_000m, split.Months[11]);
    }

    [Fact]
    public void A_quarter_without_weight_gets_zero_months()
    {
        decimal[] weights = [0m, 0m, 0m, 0.25m, 0.25m, 0.5m, 0m, 0m, 0m, 0m, 0m, 0m];
        var split = Seasonality.Split(100m, weights);
        Assert.Equal([0m, 100m, 0m, 0m], split.Quarters);
        Assert.Equal([25m, 25m, 50m], split.Months.Skip(3).Take(3));
    }

    [Fact]
    public void Weights_not_summing_to_one_hundred_percent_are_rejected()
    {
        var weights = Enumerable.Repeat(0.08m, 12).ToArray(); // 96 %
        var ex = Assert.Throws<DomainException>(() => Seasonality.Split(100m, weights));
        Assert.Equal("PLAN_SEASONALITY_SUM", ex.Code);
        Assert.Contains("96 %", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_month_count_and_negative_weights_are_rejected()
    {
        Assert.Equal("PLAN_SEASONALITY_COUNT", Assert.Throws<DomainException>(() => Seasonality.Split(1m, [0.5m, 0.5m])).Code);
        decimal[] negative = [-0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m, 0.1m];
        Assert.Equal("PLAN_SEASONALITY_NEGATIVE", Assert.Throws<DomainException>(() => Seasonality.Split(1m, negative)).Code);
    }
}
