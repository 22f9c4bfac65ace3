using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Domain.Compensation;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Computes one calculation run end to end: claims the queued row, loads the input, runs the engine in chunks
/// of participants (parallel inside each chunk) reporting progress after each, and writes the statements and
/// the COMPLETED status in one transaction, so a run's results are all there or not at all.
/// </summary>
public static class CalculationRunExecutor
{
    /// <summary>Progress is reported about this many times per run.</summary>
    public const int ProgressSteps = 20;

    /// <summary>What a finished run did, for logs and the bench.</summary>
    public sealed record Outcome(bool Claimed, int Participants, long Credits, long Lines, IReadOnlyDictionary<string, decimal> PayoutByCurrency);

    /// <param name="progress">Called after each chunk with (done, total); the row is updated before it is called.</param>
    public static async Task<Outcome> ExecuteAsync(SpmDbContext db, Guid runId, TimeProvider clock, Func<int, int, Task>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        // Claim: only a QUEUED run starts, whichever node or retry asks.
        var claimed = await db.CalculationRuns.Where(r => r.Id == runId && r.Status == CalculationRunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, CalculationRunStatus.Running).SetProperty(r => r.StartedAt, clock.GetUtcNow()), cancellationToken);
        if (claimed == 0)
        {
            return new Outcome(false, 0, 0, 0, new Dictionary<string, decimal>());
        }

        try
        {
            var run = await db.CalculationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
            var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == run.PeriodId, cancellationToken);
            var whatIf = run.WhatIfVersionId is { } v ? await db.CompPlanVersions.AsNoTracking().SingleAsync(x => x.Id == v, cancellationToken) : null;
            var input = await CompensationInputLoader.LoadAsync(db, new CompensationInputLoader.Request(period, run.Scope, whatIf), cancellationToken);
            var result = await CalculateInChunksAsync(db, run, input, progress, cancellationToken);

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var lines = await CalculationResults.WriteAsync(connection, run.TenantId, run.Id, result, cancellationToken);
                await db.CalculationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Status, CalculationRunStatus.Completed)
                        .SetProperty(r => r.FinishedAt, clock.GetUtcNow())
                        .SetProperty(r => r.ParticipantsDone, result.Participants.Count)
                        .SetProperty(r => r.ParticipantsTotal, result.Participants.Count)
                        .SetProperty(r => r.CreditsRead, (long)input.Credits.Count),
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new Outcome(true, result.Participants.Count, input.Credits.Count, lines, result.PayoutByCurrency);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The run fails visibly with the reason; nothing of its results was committed.
            var message = ex is Domain.Common.DomainException d ? $"{d.Code}: {d.Message}" : $"{ex.GetType().Name}: {ex.Message}";
            await db.CalculationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, CalculationRunStatus.Failed).SetProperty(r => r.FinishedAt, clock.GetUtcNow()).SetProperty(r => r.Error, message.Length > 2000 ? message[..2000] : message),
                CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Runs the engine over chunks of participants, each with only its own credits (the engine then never scans
    /// other participants' rows), and merges the statements in participant order: the same result as one call.
    /// </summary>
    public static async Task<CompensationResult> CalculateInChunksAsync(SpmDbContext db, CalculationRun run, CompensationInput input, Func<int, int, Task>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(input);
        var participants = (input.Participants ?? input.Assignments.Select(a => a.ParticipantId).ToList()).Distinct().Order().ToList();
        await db.CalculationRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ParticipantsTotal, participants.Count), cancellationToken);
        var byParticipant = input.Credits.GroupBy(c => c.ParticipantId).ToDictionary(g => g.Key, g => g.ToList());
        var chunkSize = Math.Max(1, (participants.Count + ProgressSteps - 1) / ProgressSteps);
        var statements = new List<ParticipantResult>(participants.Count);
        var creditsRead = 0;
        for (var start = 0; start < participants.Count; start += chunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = participants.GetRange(start, Math.Min(chunkSize, participants.Count - start));
            var credits = new List<CompCredit>();
            foreach (var p in chunk)
            {
                if (byParticipant.TryGetValue(p, out var own))
                {
                    credits.AddRange(own);
                }
            }

            var part = CompensationEngine.Calculate(input with { Participants = chunk, Credits = credits });
            statements.AddRange(part.Participants);
            creditsRead += part.CreditsRead;
            var done = start + chunk.Count;
            await db.CalculationRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ParticipantsDone, done), cancellationToken);
            if (progress is not null)
            {
                await progress(done, participants.Count);
            }
        }

        var payout = statements.GroupBy(s => s.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Payout), StringComparer.Ordinal);
        return new CompensationResult { Period = input.Period, Participants = [.. statements.OrderBy(s => s.ParticipantId)], PayoutByCurrency = payout, CreditsRead = creditsRead };
    }

    /// <summary>True when a payout batch of the period is locked: locked periods are never calculated again.</summary>
    public static Task<bool> IsLockedAsync(SpmDbContext db, Guid periodId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PayoutBatches.AnyAsync(b => b.PeriodId == periodId && b.Status == PayoutStatus.Locked, cancellationToken);
    }

    /// <summary>A queued run row.</summary>
    public static CalculationRun NewRun(Guid tenantId, Period period, CalculationRunKind kind, IReadOnlyCollection<Guid>? scope, Guid? whatIfVersionId, string requestedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new CalculationRun
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            PeriodId = period.Id,
            Kind = kind,
            Scope = scope is null ? null : [.. scope.Distinct().Order()],
            WhatIfVersionId = whatIfVersionId,
            Status = CalculationRunStatus.Queued,
            RequestedBy = requestedBy,
            CreatedAt = now,
        };
    }
}
