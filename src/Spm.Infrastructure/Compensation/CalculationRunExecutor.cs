using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Domain.Compensation;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Computes one calculation run end to end: holds the run's lease (<see cref="CalculationRunLeases"/>), loads the
/// input, runs the engine in chunks of participants (parallel inside each chunk) reporting progress after each, and
/// writes the statements and the COMPLETED status in one transaction, so a run's results are all there or not at all.
/// </summary>
public static class CalculationRunExecutor
{
    /// <summary>Progress is reported about this many times per run.</summary>
    public const int ProgressSteps = 20;

    /// <summary>What a run did, for logs and the bench.</summary>
    /// <param name="Claimed">True when this call computed and completed the run.</param>
    /// <param name="LeaseLost">True when the lease ran out while computing and another node took the run over: nothing was written.</param>
    public sealed record Outcome(bool Claimed, int Participants, long Credits, long Lines, IReadOnlyDictionary<string, decimal> PayoutByCurrency, bool LeaseLost = false)
    {
        public static Outcome NotClaimed { get; } = new(false, 0, 0, 0, new Dictionary<string, decimal>());
    }

    /// <summary>Claims <paramref name="runId"/> (when nobody holds it) and computes it; <see cref="Outcome.NotClaimed"/> otherwise.</summary>
    public static async Task<Outcome> RunAsync(NpgsqlDataSource dataSource, Guid runId, CalculationRunLeases.Policy lease, TimeProvider clock, Func<int, int, Task>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var claim = await CalculationRunLeases.TryClaimAsync(dataSource, lease, runId, clock.GetUtcNow(), cancellationToken);
        return claim is null ? Outcome.NotClaimed : await ExecuteAsync(dataSource, claim, lease, clock, progress, cancellationToken);
    }

    /// <summary>
    /// Computes a run this node has claimed, renewing its lease in the background, and completes it only while the
    /// lease is still this node's. On failure the run goes back to the queue (a transient error, until the attempts
    /// are used up) or ends FAILED with the reason (a data error, which another attempt would only repeat).
    /// </summary>
    /// <param name="progress">Called after each chunk with (done, total); the row is updated before it is called.</param>
    public static async Task<Outcome> ExecuteAsync(NpgsqlDataSource dataSource, CalculationRunLeases.Claim claim, CalculationRunLeases.Policy lease, TimeProvider clock, Func<int, int, Task>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(clock);
        var runId = claim.RunId;
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopHeartbeat = new CancellationTokenSource();
        var lost = false;
        var heartbeat = Task.Run(
            async () =>
            {
                while (!stopHeartbeat.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(lease.Duration / 3, clock, stopHeartbeat.Token);
                        if (!await CalculationRunLeases.RenewAsync(dataSource, lease, runId, stopHeartbeat.Token))
                        {
                            // Someone else holds the run now: stop computing, write nothing.
                            lost = true;
                            await work.CancelAsync();
                            return;
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
#pragma warning disable CA1031 // A failed renewal is retried at the next beat; the completion fence catches a lease that ran out meanwhile.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                    }
                }
            },
            CancellationToken.None);

        // Runs outside any request: the tenant comes from the claimed run, never from an ambient caller.
        await using var db = new SpmDbContext(new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(dataSource).Options, new Tenancy.FixedTenantContext(claim.TenantId));
        try
        {
            var ct = work.Token;
            var run = await db.CalculationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            // This node's name, whatever the row says by now: progress and completion are fenced by it.
            run.LeaseOwner = lease.Owner;
            var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == run.PeriodId, ct);
            var whatIf = run.WhatIfVersionId is { } v ? await db.CompPlanVersions.AsNoTracking().SingleAsync(x => x.Id == v, ct) : null;
            var input = await CompensationInputLoader.LoadAsync(db, new CompensationInputLoader.Request(period, run.Scope, whatIf), ct);
            var result = await CalculateInChunksAsync(db, run, input, progress, ct);

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // The fence: complete only while this node still holds the lease. The UPDATE comes first, so the row
                // stays locked until commit and no other node can take the run over between the check and the write.
                var held = await db.CalculationRuns.Where(r => r.Id == runId && r.Status == CalculationRunStatus.Running && r.LeaseOwner == lease.Owner).ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Status, CalculationRunStatus.Completed)
                        .SetProperty(r => r.FinishedAt, clock.GetUtcNow())
                        .SetProperty(r => r.ParticipantsDone, result.Participants.Count)
                        .SetProperty(r => r.ParticipantsTotal, result.Participants.Count)
                        .SetProperty(r => r.CreditsRead, (long)input.Credits.Count)
                        .SetProperty(r => r.Error, (string?)null)
                        .SetProperty(r => r.LeaseOwner, (string?)null)
                        .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null),
                    ct);
                if (held == 0)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    return Outcome.NotClaimed with { LeaseLost = true };
                }

                var lines = await CalculationResults.WriteAsync(connection, run.TenantId, run.Id, result, ct);
                await transaction.CommitAsync(ct);
                return new Outcome(true, result.Participants.Count, input.Credits.Count, lines, result.PayoutByCurrency);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (OperationCanceledException) when (lost && !cancellationToken.IsCancellationRequested)
        {
            return Outcome.NotClaimed with { LeaseLost = true };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // This node is stopping: hand the run back at once (not counted as an attempt) rather than let it wait
            // for the lease to run out.
            await CalculationRunLeases.ReleaseAsync(dataSource, lease, runId, retry: true, countAttempt: false, null, clock.GetUtcNow(), CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            // A data error (no quota, a bad plan) fails at once with its reason: another attempt would repeat it. Anything
            // else (a dropped connection, a failover) goes back to the queue until the attempts are used up.
            var domain = ex is Domain.Common.DomainException;
            var message = ex is Domain.Common.DomainException d ? $"{d.Code}: {d.Message}" : $"{ex.GetType().Name}: {ex.Message}";
            await CalculationRunLeases.ReleaseAsync(dataSource, lease, runId, retry: !domain, countAttempt: true, message, clock.GetUtcNow(), CancellationToken.None);
            throw;
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
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
        // Everyone the engine calculates (an assignment or an award: a prize winner without a plan is paid too).
        var participants = CompensationEngine.ParticipantsOf(input).ToList();
        // Progress is written only while this node holds the run: a node that lost its lease must not move the new holder's figures.
        var owner = run.LeaseOwner;
        await db.CalculationRuns.Where(r => r.Id == run.Id && r.LeaseOwner == owner).ExecuteUpdateAsync(s => s.SetProperty(r => r.ParticipantsTotal, participants.Count), cancellationToken);
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
            await db.CalculationRuns.Where(r => r.Id == run.Id && r.LeaseOwner == owner).ExecuteUpdateAsync(s => s.SetProperty(r => r.ParticipantsDone, done), cancellationToken);
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
