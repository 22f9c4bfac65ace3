using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// A participant on a plan over a date range, with their on-target earnings and target incentive. The
/// plan's published version in force on each day applies, so a new version needs no re-assignment;
/// several assignments may overlap (a rep on a core plan and a SPIFF plan), and a partial period is
/// prorated by days by the engine.
/// </summary>
public sealed class StoredCompPlanAssignment : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid PlanId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Last day, inclusive; null while open-ended.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public decimal OnTargetEarnings { get; set; }

    public decimal TargetIncentive { get; set; }

    public string Currency { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
