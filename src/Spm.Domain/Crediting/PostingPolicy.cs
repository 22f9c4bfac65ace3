using Spm.Domain.Common;

namespace Spm.Domain.Crediting;

/// <summary>
/// Where a credit posts: on its close date, unless that date lies in a locked period (paid out and approved);
/// then on <see cref="OpenPostingDate"/>, a date in the current open period. A locked period is never written
/// to again: late deals, reversals and adjustments that belong to it land in the open period instead, as the
/// payroll hand-off requires ("later changes arrive as adjustments in the next period").
/// </summary>
public sealed class PostingPolicy
{
    private readonly (DateOnly Start, DateOnly End)[] locked;
    private readonly DateOnly lastLockedDay;

    /// <param name="lockedPeriods">Locked periods as inclusive date ranges.</param>
    /// <param name="openPostingDate">Where displaced credits post; must not be locked.</param>
    public PostingPolicy(IEnumerable<(DateOnly Start, DateOnly End)> lockedPeriods, DateOnly openPostingDate)
    {
        ArgumentNullException.ThrowIfNull(lockedPeriods);
        locked = [.. lockedPeriods.OrderBy(p => p.Start)];
        lastLockedDay = locked.Length == 0 ? DateOnly.MinValue : locked.Max(p => p.End);
        OpenPostingDate = openPostingDate;
        if (IsLocked(openPostingDate))
        {
            throw new DomainException("PERIOD_LOCKED", $"The posting date {openPostingDate:yyyy-MM-dd} lies in a locked period; post into an open one.", "postingDate");
        }
    }

    /// <summary>Nothing locked: every credit posts on its close date.</summary>
    public static PostingPolicy NothingLocked { get; } = new([], DateOnly.MaxValue);

    public DateOnly OpenPostingDate { get; }

    public bool IsLocked(DateOnly date)
    {
        // Most deals close after the last locked period: one comparison and done.
        if (date > lastLockedDay)
        {
            return false;
        }

        foreach (var (start, end) in locked)
        {
            if (date >= start && date <= end)
            {
                return true;
            }
        }

        return false;
    }

    public DateOnly PostingDateFor(DateOnly closeDate) => IsLocked(closeDate) ? OpenPostingDate : closeDate;
}
