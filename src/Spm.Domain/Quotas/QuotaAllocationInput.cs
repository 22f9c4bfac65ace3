namespace Spm.Domain.Quotas;

/// <summary>Everything a top-down allocation needs; see <see cref="QuotaAllocation.Allocate"/>.</summary>
/// <param name="Teams">The team tree, in the order ties are broken (by name, say).</param>
/// <param name="Carriers">Participants who carry quota, in the same tie-break order.</param>
/// <param name="Months">The months to allocate with the whole tree's target for each.</param>
/// <param name="Aggregates">Quarters and years to sum, children before parents.</param>
/// <param name="RampCurve">Ramp percentage by month of tenure; 100 % after it ends.</param>
/// <param name="Unit">Rounding unit (0.01 for money in most currencies, 1 for counts).</param>
/// <param name="OverlayShare">Share of their team's quota an overlay specialist carries (1 = all of it).</param>
public sealed record QuotaAllocationInput(
    IReadOnlyList<QuotaTreeTeam> Teams,
    IReadOnlyList<QuotaCarrier> Carriers,
    IReadOnlyList<AllocationMonth> Months,
    IReadOnlyList<AllocationAggregate> Aggregates,
    IReadOnlyList<decimal> RampCurve,
    decimal Unit,
    decimal OverlayShare = 1m);
