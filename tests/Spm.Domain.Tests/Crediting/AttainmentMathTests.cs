using Spm.Domain.Crediting;

namespace Spm.Domain.Tests.Crediting;

public sealed class AttainmentMathTests
{
    [Theory]
    // 6,000 / 12,000 = 0.5 -> "50.00" (two decimals even when whole).
    [InlineData("6000", "12000", "50.00")]
    // 4,000 / 15,000 = 26.666.. % -> 26.67.
    [InlineData("4000", "15000", "26.67")]
    // 1 / 8 = 12.5 % exactly; 1 / 16 = 6.25 %; 1 / 32 = 3.125 % -> 3.13 (half away from zero).
    [InlineData("1", "32", "3.13")]
    // A negative net (a clawback exceeding the month) keeps its sign: -1 / 32 -> -3.13.
    [InlineData("-1", "32", "-3.13")]
    // Over quota: 25,000 / 20,000 = 125.00 %.
    [InlineData("25000", "20000", "125.00")]
    public void Percent_is_credited_over_quota_rounded_half_away_to_two_decimals(string credited, string quota, string expected)
    {
        var percent = AttainmentMath.Percent(decimal.Parse(credited, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(quota, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, percent!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Without_a_quota_or_with_a_zero_quota_there_is_no_percent()
    {
        Assert.Null(AttainmentMath.Percent(100m, null));
        Assert.Null(AttainmentMath.Percent(100m, 0m));
    }
}
