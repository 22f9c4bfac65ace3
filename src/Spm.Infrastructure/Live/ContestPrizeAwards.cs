using Microsoft.EntityFrameworkCore;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Live;

/// <summary>
/// Pays an ended contest's cash prizes through compensation: one <see cref="CompAdjustment"/> per winner and prize
/// position, which the next calculation run of the period shows as an AWARD line naming the contest (the same path as
/// a resolved dispute's adjustment, so statements have one kind of award). Written in the transaction that freezes the
/// standings; the unique (contest, place, participant) index makes a second write fail rather than pay twice.
/// </summary>
public static class ContestPrizeAwards
{
    /// <summary>Who writes the rows, as the audit columns name it.</summary>
    public const string Writer = "system:contests";

    /// <summary>
    /// Adds the award rows to <paramref name="db"/> (not saved). Hidden (test) and team contests pay nothing. The prize is
    /// paid in the month containing the contest's last counted day (tenant time zone), or the first open month after it
    /// when that month is locked; with no such month stored nothing is paid and the reason is returned.
    /// </summary>
    public static async Task<(int Count, string? Skipped)> AddAsync(
        SpmDbContext db, Contest contest, IReadOnlyList<ContestStanding> standings, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contest);
        if (contest.Hidden)
        {
            return (0, null);
        }

        var awards = ContestScoring.PrizeAwards(contest, standings);
        if (awards.Count == 0)
        {
            return (0, null);
        }

        var lastDay = contest.WindowDates(zone).To;
        var locked = await db.PayoutBatches.AsNoTracking().Where(b => b.Status == PayoutStatus.Locked).Select(b => b.PeriodId).ToListAsync(cancellationToken);
        var period = await db.Periods.AsNoTracking()
            .Where(p => p.Kind == PeriodKind.Month && p.EndDate >= lastDay && !locked.Contains(p.Id))
            .OrderBy(p => p.StartDate)
            .FirstOrDefaultAsync(cancellationToken);
        if (period is null)
        {
            return (0, $"no open month from {lastDay:yyyy-MM-dd} on is stored");
        }

        var origin = period.StartDate > lastDay
            ? await db.Periods.AsNoTracking().Where(p => p.Kind == PeriodKind.Month && p.StartDate <= lastDay && p.EndDate >= lastDay).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        foreach (var award in awards)
        {
            var shared = award.SharedBy > 1 ? $", shared by {award.SharedBy}" : string.Empty;
            db.CompAdjustments.Add(new CompAdjustment
            {
                Id = Guid.CreateVersion7(now),
                TenantId = contest.TenantId,
                ParticipantId = award.ParticipantId,
                PeriodId = period.Id,
                OriginPeriodId = origin,
                Amount = award.Amount,
                Currency = award.Currency,
                Reason = $"Contest prize: {contest.Title} ({contest.Key}), place {award.Place}{shared}",
                ContestId = contest.Id,
                ContestPlace = award.Place,
                CreatedAt = now,
                CreatedBy = Writer,
            });
        }

        return (awards.Count, null);
    }
}
