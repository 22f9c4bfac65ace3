namespace Spm.Domain.Compensation;

/// <summary>
/// What a deal would pay: the period's earnings without and with it, using the real plan and the attainment so
/// far. <see cref="Pays"/> is the difference, so tier crossings, gates, caps, bonuses and SPIFFs are all in it.
/// </summary>
public sealed record DealEstimate
{
    public required Guid ParticipantId { get; init; }

    public required string Currency { get; init; }

    public required decimal EarningsBefore { get; init; }

    public required decimal EarningsAfter { get; init; }

    public decimal Pays => EarningsAfter - EarningsBefore;

    public decimal? AttainmentBefore { get; init; }

    public decimal? AttainmentAfter { get; init; }

    /// <summary>The statement as it would read with the deal.</summary>
    public required ParticipantResult With { get; init; }
}
