using Spm.Domain.Common;

namespace Spm.Domain.Quotas;

/// <summary>
/// Splits an amount by weights with the largest-remainder method, so the rounded parts always add up
/// exactly to the whole: a parent's quota is never a cent more or less than the sum of its children.
/// </summary>
public static class Allocator
{
    /// <summary>Rounding unit for money.</summary>
    public const decimal Cent = 0.01m;

    /// <summary>Rounding unit for counts (deals, activities).</summary>
    public const decimal One = 1m;

    /// <summary>The natural rounding unit for a quota type.</summary>
    public static decimal UnitFor(QuotaType type) => type == QuotaType.Revenue ? Cent : One;

    /// <summary>Splits <paramref name="amount"/> by <paramref name="weights"/>, in the same order.</summary>
    /// <remarks>
    /// Each part is its exact share floored to the unit; the leftover units go one each to the parts with the
    /// largest remainders, ties to the earlier part, so the result is deterministic for a given child order
    /// (the arithmetic lives in <see cref="LargestRemainder"/>, shared with crediting).
    /// Remainders are compared exactly (integer arithmetic over a common denominator), not as rounded decimals.
    /// </remarks>
    public static IReadOnlyList<decimal> Split(decimal amount, IReadOnlyList<decimal> weights, decimal unit)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (unit <= 0)
        {
            throw new DomainException("ALLOCATION_UNIT_INVALID", $"The rounding unit must be positive, got {unit}.");
        }

        if (weights.Count == 0)
        {
            throw new DomainException("ALLOCATION_NO_CHILDREN", "There is nothing to allocate to: the list of children is empty.");
        }

        decimal totalWeight = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0)
            {
                throw new DomainException("ALLOCATION_NEGATIVE_WEIGHT", $"Weight {weights[i]} at position {i} is negative; weights must be zero or more.");
            }

            totalWeight += weights[i];
        }

        if (totalWeight == 0)
        {
            throw new DomainException("ALLOCATION_ZERO_WEIGHTS", "The weights sum to zero, so there is no basis to split the amount; use an equal split or give at least one child a positive weight.");
        }

        var units = amount / unit;
        if (units != decimal.Truncate(units))
        {
            throw new DomainException("ALLOCATION_AMOUNT_NOT_IN_UNITS", $"The amount {amount} is not a whole number of units of {unit}.");
        }

        // Negative amounts (e.g. a reduction pushed down the tree) split like positive ones, mirrored.
        var result = new decimal[weights.Count];
        try
        {
            var span = weights is decimal[] array ? array : weights.ToArray();
            LargestRemainder.Split(amount, span, totalWeight, unit, result);
        }
        catch (OverflowException ex)
        {
            throw new DomainException("ALLOCATION_OVERFLOW", "The amount times a weight is too large to split exactly; scale the weights down.", ex);
        }

        return result;
    }

    /// <summary>Splits <paramref name="amount"/> equally among <paramref name="count"/> parts; earlier parts get the extra units.</summary>
    public static IReadOnlyList<decimal> SplitEqually(decimal amount, int count, decimal unit)
    {
        if (count <= 0)
        {
            throw new DomainException("ALLOCATION_NO_CHILDREN", "There is nothing to allocate to: the number of children must be positive.");
        }

        var weights = new decimal[count];
        Array.Fill(weights, 1m);
        return Split(amount, weights, unit);
    }

    /// <summary>Splits <paramref name="amount"/> among named children by their weights, keeping their order.</summary>
    public static IReadOnlyList<AllocatedShare> Allocate(decimal amount, IReadOnlyList<AllocationChild> children, decimal unit)
    {
        ArgumentNullException.ThrowIfNull(children);
        EnsureDistinctIds(children.Select(c => c.Id));
        var parts = Split(amount, children.Select(c => c.Weight).ToArray(), unit);
        return children.Select((c, i) => new AllocatedShare(c.Id, parts[i])).ToArray();
    }

    /// <summary>Splits <paramref name="amount"/> equally among named children, ignoring their weights.</summary>
    public static IReadOnlyList<AllocatedShare> AllocateEqually(decimal amount, IReadOnlyList<string> childIds, decimal unit)
    {
        ArgumentNullException.ThrowIfNull(childIds);
        EnsureDistinctIds(childIds);
        var parts = SplitEqually(amount, childIds.Count, unit);
        return childIds.Select((id, i) => new AllocatedShare(id, parts[i])).ToArray();
    }

    internal static void EnsureDistinctIds(IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new DomainException("ALLOCATION_DUPLICATE_CHILD", $"Child '{id}' appears more than once.");
            }
        }
    }
}
