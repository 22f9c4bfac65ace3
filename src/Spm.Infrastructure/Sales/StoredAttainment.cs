using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// The attainment projection: the credited amount (reporting currency) of one participant, team or territory in
/// one fiscal period (month, quarter or year) and quota type. Written only by <see cref="AttainmentEvents"/>, in
/// the same transaction as the credits that move it, so a read is one primary-key lookup and always current.
/// </summary>
public sealed class StoredAttainment : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary><see cref="Domain.Events.AttainmentScope"/> by name: Participant, Team or Territory.</summary>
    public string Scope { get; set; } = string.Empty;

    public Guid ScopeId { get; set; }

    public Guid PeriodId { get; set; }

    /// <summary><see cref="Domain.Quotas.QuotaType"/> by name; only Revenue is projected so far.</summary>
    public string QuotaType { get; set; } = string.Empty;

    public decimal Credited { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
