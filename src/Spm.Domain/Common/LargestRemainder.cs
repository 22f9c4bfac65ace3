namespace Spm.Domain.Common;

/// <summary>
/// The largest-remainder method on spans, shared by quota allocation and sale crediting: parts are the exact
/// shares floored to whole units, and the units left over go one each to the largest remainders, ties to the
/// earlier part. Rounded parts therefore always add up exactly to the whole.
/// </summary>
/// <remarks>
/// Allocation-free for up to <see cref="StackLimit"/> parts (the crediting hot loop splits a sale between a
/// handful of sellers millions of times); callers validate their inputs and word their own errors.
/// </remarks>
public static class LargestRemainder
{
    /// <summary>Above this many parts the scratch space comes from the heap and leftovers are placed by sorting.</summary>
    public const int StackLimit = 32;

    /// <summary>
    /// Splits <paramref name="amount"/> (a whole number of <paramref name="unit"/>s, either sign) by
    /// <paramref name="weights"/> (each zero or more, summing to <paramref name="totalWeight"/> &gt; 0) into
    /// <paramref name="parts"/>. Negative amounts split like positive ones, mirrored.
    /// </summary>
    /// <exception cref="OverflowException">The amount in units times a weight does not fit a decimal.</exception>
    public static void Split(decimal amount, ReadOnlySpan<decimal> weights, decimal totalWeight, decimal unit, Span<decimal> parts)
    {
        var units = amount / unit;
        var negative = units < 0;
        Apportion(negative ? -units : units, weights, totalWeight, parts);
        var scale = negative ? -unit : unit;
        for (var i = 0; i < weights.Length; i++)
        {
            parts[i] *= scale;
        }
    }

    /// <summary>Splits a non-negative whole number of <paramref name="units"/> into whole-unit <paramref name="parts"/>.</summary>
    public static void Apportion(decimal units, ReadOnlySpan<decimal> weights, decimal totalWeight, Span<decimal> parts)
    {
        var n = weights.Length;
        Span<decimal> remainders = n <= StackLimit ? stackalloc decimal[n] : new decimal[n];
        decimal allocated = 0;
        for (var i = 0; i < n; i++)
        {
            // share_i = units * w_i / W; keep numerator and remainder exact so ties are real ties.
            var numerator = units * weights[i];
            var quotient = decimal.Floor(numerator / totalWeight);
            var remainder = numerator - (quotient * totalWeight);
            while (remainder < 0)
            {
                quotient--;
                remainder += totalWeight;
            }

            while (remainder >= totalWeight)
            {
                quotient++;
                remainder -= totalWeight;
            }

            parts[i] = quotient;
            remainders[i] = remainder;
            allocated += quotient;
        }

        var leftover = (int)(units - allocated);
        if (leftover <= 0)
        {
            return;
        }

        if (n <= StackLimit)
        {
            // Fewer than n leftovers over at most StackLimit parts: repeated selection beats sorting and
            // allocates nothing. Remainders are never negative, so -1 marks a part already served.
            for (var k = 0; k < leftover; k++)
            {
                var best = -1;
                for (var i = 0; i < n; i++)
                {
                    if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best]))
                    {
                        best = i;
                    }
                }

                parts[best]++;
                remainders[best] = -1;
            }

            return;
        }

        var sorted = remainders.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byRemainder = sorted[b].CompareTo(sorted[a]);
            return byRemainder != 0 ? byRemainder : a.CompareTo(b);
        });
        for (var k = 0; k < leftover; k++)
        {
            parts[order[k]]++;
        }
    }
}
