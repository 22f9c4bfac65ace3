using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// One version of a plan: the plan document (JSON, validated by the engine's parser on every write) and
/// the dates it is in force. Publishing a version closes the previous published one the day before, so
/// published versions of a plan never overlap and a date always names at most one of them.
/// </summary>
public sealed class StoredCompPlanVersion : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid PlanId { get; set; }

    /// <summary>1, 2, 3... per plan.</summary>
    public int Version { get; set; }

    public CompPlanVersionStatus Status { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Last day in force, inclusive; null while open-ended.</summary>
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The plan document as JSON (jsonb).</summary>
    public string Document { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>True when <paramref name="date"/> falls inside the version's dates.</summary>
    public bool Covers(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);
}
