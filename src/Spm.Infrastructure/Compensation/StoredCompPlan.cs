using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// A compensation plan's identity; its content lives in <see cref="StoredCompPlanVersion"/> rows, so a
/// published version is never edited and a statement can always name the exact rules it used.
/// </summary>
public sealed class StoredCompPlan : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
