using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// A locked fiscal period: credits, reversals and adjustments that belong to it post into the first open period
/// instead (see <see cref="Domain.Crediting.PostingPolicy"/>). The payout issue locks periods after approval; until
/// then rows are written by hand or by tests.
/// </summary>
public sealed class PeriodLock : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid PeriodId { get; set; }

    public DateTimeOffset LockedAt { get; set; }
}
