using Spm.Domain.Common;
using Spm.Domain.Quotas;

namespace Spm.Domain.Planning;

/// <summary>Spreads a yearly target over the fiscal year by seasonality weights.</summary>
public static class Seasonality
{
    /// <summary>
    /// How far the weights may be from 100 %: users type 8.33 % twelve times, and 1/12 in decimal never sums to exactly 1.
    /// The split itself is proportional to the weights as given, so this slack never loses or invents money.
    /// </summary>
    public const decimal SumTolerance = 0.0001m;

    /// <summary>
    /// Splits <paramref name="yearly"/> into quarters (by the sum of their months' weights), then each quarter into its
    /// months, both with largest-remainder rounding, so every level adds up exactly to the level above.
    /// </summary>
    public static SeasonalSplit Split(decimal yearly, IReadOnlyList<decimal> monthWeights, decimal unit = Allocator.Cent)
    {
        Validate(monthWeights, 12);
        var quarterWeights = new decimal[4];
        for (var m = 0; m < 12; m++)
        {
            quarterWeights[m / 3] += monthWeights[m];
        }

        var quarters = Allocator.Split(yearly, quarterWeights, unit);
        var months = new decimal[12];
        for (var q = 0; q < 4; q++)
        {
            var weights = new[] { monthWeights[q * 3], monthWeights[(q * 3) + 1], monthWeights[(q * 3) + 2] };

            // A quarter with no weight got nothing; splitting nothing by nothing is simply zeros.
            var parts = quarterWeights[q] == 0 ? [0m, 0m, 0m] : Allocator.Split(quarters[q], weights, unit);
            for (var i = 0; i < 3; i++)
            {
                months[(q * 3) + i] = parts[i];
            }
        }

        return new SeasonalSplit(yearly, quarters, months);
    }

    /// <summary>Checks that weights are non-negative and sum to 100 % (within <see cref="SumTolerance"/>).</summary>
    public static void Validate(IReadOnlyList<decimal> weights, int? expectedCount = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (expectedCount is { } count && weights.Count != count)
        {
            throw new DomainException("PLAN_SEASONALITY_COUNT", $"Seasonality needs {count} monthly weights, got {weights.Count}.");
        }

        if (weights.Count == 0)
        {
            throw new DomainException("PLAN_SEASONALITY_COUNT", "Seasonality needs at least one monthly weight.");
        }

        decimal sum = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0)
            {
                throw new DomainException("PLAN_SEASONALITY_NEGATIVE", $"Seasonality weight {weights[i]} for month {i + 1} is negative.");
            }

            sum += weights[i];
        }

        if (Math.Abs(sum - 1m) > SumTolerance)
        {
            throw new DomainException("PLAN_SEASONALITY_SUM", $"Seasonality weights must sum to 100 %, they sum to {sum * 100m:0.####} %.");
        }
    }
}
