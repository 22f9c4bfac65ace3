using System.Globalization;
using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Territories;

/// <summary>
/// A participant assigned to a territory for a date range, as primary owner or overlay, with a split percentage of the
/// territory's credit. The same participant, territory and role cannot have overlapping ranges, and the primary splits
/// in force on any one day add up to at most 100 %.
/// </summary>
public sealed class TerritoryParticipant : ITenantOwned
{
    public TerritoryParticipant(Guid id, Guid tenantId, Guid territoryId, Guid participantId, TerritoryRole role, decimal splitPercent, DateOnly effectiveFrom, DateOnly? effectiveTo)
    {
        Id = id;
        TenantId = tenantId;
        TerritoryId = territoryId;
        ParticipantId = participantId;
        Role = role;
        if (splitPercent is <= 0m or > 100m)
        {
            throw new DomainException("ASSIGNMENT_SPLIT", $"splitPercent must be above 0 and at most 100; it was {splitPercent.ToString(CultureInfo.InvariantCulture)}.", "splitPercent");
        }

        SplitPercent = splitPercent;
        EffectiveFrom = effectiveFrom;
        EndOn(effectiveTo);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid TerritoryId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public TerritoryRole Role { get; private set; }

    /// <summary>Share of the territory's credit, 0 (exclusive) to 100.</summary>
    public decimal SplitPercent { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Last day in force (inclusive); null while open-ended.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    public bool IsActiveOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is not { } to || day <= to);

    public bool Overlaps(TerritoryParticipant other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return EffectiveFrom <= (other.EffectiveTo ?? DateOnly.MaxValue) && other.EffectiveFrom <= (EffectiveTo ?? DateOnly.MaxValue);
    }

    /// <summary>Ends the assignment on <paramref name="effectiveTo"/> (inclusive); null reopens it.</summary>
    public void EndOn(DateOnly? effectiveTo)
    {
        if (effectiveTo < EffectiveFrom)
        {
            throw new DomainException("ASSIGNMENT_DATES", $"The assignment ends ({effectiveTo:yyyy-MM-dd}) before it starts ({EffectiveFrom:yyyy-MM-dd}).", "effectiveTo");
        }

        EffectiveTo = effectiveTo;
    }

    /// <summary>
    /// Refuses <paramref name="candidate"/> when it overlaps an assignment of the same participant and role on the same
    /// territory, or when it would take the primary splits of any day above 100 %. <paramref name="others"/> are the
    /// territory's other assignments (the candidate itself excluded).
    /// </summary>
    public static void EnsureFits(TerritoryParticipant candidate, IEnumerable<TerritoryParticipant> others, string territoryName)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        var sameTerritory = others.Where(o => o.TerritoryId == candidate.TerritoryId && o.Id != candidate.Id).ToList();
        foreach (var other in sameTerritory.Where(o => o.ParticipantId == candidate.ParticipantId && o.Role == candidate.Role))
        {
            if (candidate.Overlaps(other))
            {
                throw new DomainException(
                    "ASSIGNMENT_OVERLAP",
                    $"The participant already has a {other.Role.ToString().ToLowerInvariant()} assignment on '{territoryName}' from {Range(other)}, which overlaps {Range(candidate)}.",
                    "effectiveFrom");
            }
        }

        if (candidate.Role != TerritoryRole.Primary)
        {
            return;
        }

        // The primary total only rises where an assignment starts, so checking the candidate's first day and every
        // other start inside its range finds the busiest day.
        var primaries = sameTerritory.Where(o => o.Role == TerritoryRole.Primary && o.Overlaps(candidate)).ToList();
        var days = primaries.Select(p => p.EffectiveFrom).Where(candidate.IsActiveOn).Append(candidate.EffectiveFrom).Distinct().Order();
        foreach (var day in days)
        {
            var total = candidate.SplitPercent + primaries.Where(p => p.IsActiveOn(day)).Sum(p => p.SplitPercent);
            if (total > 100m)
            {
                throw new DomainException(
                    "ASSIGNMENT_SPLIT_TOTAL",
                    $"Primary splits on '{territoryName}' would total {total.ToString("0.##", CultureInfo.InvariantCulture)} % on {day:yyyy-MM-dd}; they may not exceed 100 %.",
                    "splitPercent");
            }
        }
    }

    private static string Range(TerritoryParticipant a) => $"{a.EffectiveFrom:yyyy-MM-dd} to {(a.EffectiveTo is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open end")}";
}
