namespace Spm.Domain.Territories;

/// <summary>Statistics in decimal, so a reported balance index is reproducible to the last digit.</summary>
public static class BalanceStatistics
{
    /// <summary>Population standard deviation divided by the mean; 0 when the mean is 0 (nothing to be uneven about).</summary>
    public static decimal CoefficientOfVariation(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0m;
        }

        var mean = values.Sum() / values.Count;
        if (mean == 0)
        {
            return 0m;
        }

        decimal squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Sqrt(squares / values.Count) / Math.Abs(mean);
    }

    /// <summary>Square root to decimal precision: a double estimate polished by Newton steps.</summary>
    public static decimal Sqrt(decimal value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Cannot take the square root of a negative number.");
        }

        if (value == 0)
        {
            return 0m;
        }

        var x = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4; i++)
        {
            x = (x + (value / x)) / 2m;
        }

        return x;
    }
}
