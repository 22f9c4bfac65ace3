using Spm.Domain.Common;

namespace Spm.Domain.Sales;

/// <summary>
/// Decides what a delivery of a sale does, given the latest stored revision of its key. Pure: the caller loads
/// the latest revision (under a lock or a unique index on the key) and stores what comes back.
/// </summary>
/// <remarks>
/// A replay is recognised against the latest revision only: content equal to it changes nothing. Content equal
/// to an older revision is an amendment (a deal can legitimately go 100 -> 120 -> 100). After a cancellation,
/// a delivery of the content that was cancelled is a late replay and changes nothing; any other content is
/// refused (<c>SALE_CANCELLED</c>): a cancelled deal that comes back is a new deal with a new external id,
/// otherwise a stale retry could silently revive credits that were clawed back.
/// </remarks>
public static class SaleHistory
{
    public static SaleChange Record(SaleRevision? latest, Sale incoming, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (latest is null)
        {
            return new SaleChange(SaleChangeOutcome.Recorded, new SaleRevision(1, SaleRevisionKind.Original, incoming, now), null);
        }

        EnsureSameKey(latest, incoming);
        if (latest.Content.HasSameContent(incoming))
        {
            return new SaleChange(SaleChangeOutcome.Replayed, null, null);
        }

        if (latest.IsCancelled)
        {
            throw new DomainException("SALE_CANCELLED", $"Sale {incoming.Key} was cancelled in revision {latest.Number}; send a reinstated deal under a new external id.", "externalId");
        }

        return new SaleChange(SaleChangeOutcome.Amended, new SaleRevision(latest.Number + 1, SaleRevisionKind.Amendment, incoming, now), latest);
    }

    public static SaleChange Cancel(SaleRevision? latest, SaleKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (latest is null)
        {
            throw new DomainException("SALE_NOT_FOUND", $"There is no sale {key} to cancel.", "externalId");
        }

        if (latest.Key != key)
        {
            throw new DomainException("SALE_KEY_MISMATCH", $"Revision {latest.Number} belongs to sale {latest.Key}, not {key}.", "externalId");
        }

        return latest.IsCancelled
            ? new SaleChange(SaleChangeOutcome.Replayed, null, null)
            : new SaleChange(SaleChangeOutcome.Cancelled, new SaleRevision(latest.Number + 1, SaleRevisionKind.Cancellation, latest.Content, now), latest);
    }

    private static void EnsureSameKey(SaleRevision latest, Sale incoming)
    {
        if (latest.Key != incoming.Key)
        {
            throw new DomainException("SALE_KEY_MISMATCH", $"Revision {latest.Number} belongs to sale {latest.Key}, not {incoming.Key}.", "externalId");
        }
    }
}
