using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// A locked fiscal period: credits, reversals and adjustments that belong to it post into the first open period
/// instead (see <see cref="Domain.Crediting.PostingPolicy"/>). This is the one notion of a locked period: locking a
/// payout (lockPayout) writes it in the same transaction, so a paid period takes no new credits; what still changes a
/// paid period's recalculation arrives as a prior-period adjustment in the next open period (CompensationInputLoader).
/// </summary>
public sealed class PeriodLock : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid PeriodId { get; set; }

    public DateTimeOffset LockedAt { get; set; }
}
