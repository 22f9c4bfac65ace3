namespace Spm.Domain.Live;

/// <summary>
/// A deal landed: who closed it and how much, for the TV celebration and the deal feed. The push layer sets
/// <see cref="ReportingAmount"/> and <see cref="ReportingCurrency"/> to null for viewers who may not see the amount.
/// </summary>
/// <param name="AlsoLanded">
/// Hub pushes are coalesced per tenant, so a burst of deals reaches a screen as one celebration (the largest deal)
/// carrying the other deals of the same push, largest first and at most a few dozen; null for a deal pushed alone.
/// </param>
/// <param name="AlsoLandedCount">How many other deals the push stands for, including any beyond <see cref="AlsoLanded"/>.</param>
public sealed record SaleCelebration(
    Guid TenantId,
    Guid SaleEventId,
    Guid ParticipantId,
    string ParticipantName,
    decimal? ReportingAmount,
    string? ReportingCurrency,
    string? Product,
    DateOnly CloseDate,
    DateTimeOffset At,
    IReadOnlyList<SaleCelebration>? AlsoLanded = null,
    int AlsoLandedCount = 0)
{
    /// <summary>
    /// One celebration for a burst of deals (in arrival order): the largest deal (the earliest of equals, so a screen
    /// never shows a later deal before an earlier one of the same size) carrying up to <paramref name="listed"/> others.
    /// </summary>
    public static SaleCelebration Burst(IReadOnlyList<SaleCelebration> deals, int listed)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentOutOfRangeException.ThrowIfZero(deals.Count);
        if (deals.Count == 1)
        {
            return deals[0];
        }

        var headline = deals[0];
        foreach (var deal in deals)
        {
            if ((deal.ReportingAmount ?? 0m) > (headline.ReportingAmount ?? 0m))
            {
                headline = deal;
            }
        }

        var others = deals.Where(d => !ReferenceEquals(d, headline)).OrderByDescending(d => d.ReportingAmount ?? 0m).Take(listed).ToList();
        return headline with { AlsoLanded = others, AlsoLandedCount = deals.Count - 1 };
    }
}
