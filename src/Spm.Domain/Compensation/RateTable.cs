namespace Spm.Domain.Compensation;

/// <summary>
/// Tiers for the credits of a product and/or segment; both null is the default table. A credit uses the most
/// specific table that matches it: product and segment, then product, then segment, then the default.
/// </summary>
/// <remarks>Tiers start at 0 and rise strictly; the last runs without end. Matching is ordinal (case-sensitive).</remarks>
public sealed record RateTable
{
    public string? Product { get; init; }

    public string? Segment { get; init; }

    public required IReadOnlyList<RateTier> Tiers { get; init; }
}
