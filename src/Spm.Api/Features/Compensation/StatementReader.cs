using Microsoft.EntityFrameworkCore;
using Spm.Domain.Common;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Finds a participant's statement (GraphQL and the printable HTML view share it): the run asked for, or the
/// latest completed regular run of the period that has a statement for them. Visibility is checked first, and
/// an invisible participant looks exactly like one without a statement.
/// </summary>
public sealed class StatementReader(EarningsVisibility visibility)
{
    public async Task<StatementView?> ReadAsync(SpmDbContext db, Guid participantId, Guid? periodId, Guid? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await visibility.MayReadAsync(participantId, cancellationToken))
        {
            return null;
        }

        CalculationRun? run;
        if (runId is { } r)
        {
            run = await db.CalculationRuns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == r && x.Status == CalculationRunStatus.Completed, cancellationToken);
            if (run is null || (periodId is { } p && run.PeriodId != p))
            {
                return null;
            }
        }
        else if (periodId is { } p)
        {
            // A paid period's statement is the one that was paid (the locked payout's run), whatever ran before the lock.
            var paid = await db.PayoutBatches.AsNoTracking().Where(b => b.PeriodId == p && b.Status == PayoutStatus.Locked).Select(b => (Guid?)b.RunId).FirstOrDefaultAsync(cancellationToken);
            run = await db.CalculationRuns.AsNoTracking()
                .Where(x => x.PeriodId == p && x.Status == CalculationRunStatus.Completed && x.Kind == CalculationRunKind.Regular && (paid == null || x.Id == paid)
                    && db.CalculationResults.Any(res => res.RunId == x.Id && res.ParticipantId == participantId))
                .OrderByDescending(x => x.FinishedAt).ThenByDescending(x => x.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }
        else
        {
            throw new DomainException("REQUIRED", "Give the period, the run, or both.", "periodId");
        }

        if (run is null)
        {
            return null;
        }

        var result = await db.CalculationResults.AsNoTracking().SingleOrDefaultAsync(x => x.RunId == run.Id && x.ParticipantId == participantId, cancellationToken);
        if (result is null)
        {
            return null;
        }

        var lines = await db.CalculationLines.AsNoTracking().Where(l => l.RunId == run.Id && l.ParticipantId == participantId).OrderBy(l => l.LineNo).ToListAsync(cancellationToken);
        var period = await db.Periods.AsNoTracking().SingleAsync(x => x.Id == run.PeriodId, cancellationToken);
        return new StatementView(run, period, result, lines);
    }
}
