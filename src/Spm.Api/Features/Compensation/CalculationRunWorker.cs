using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Spm.Api.Features.Live;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Computes calculation runs in the background, one at a time per node (the engine already uses every core inside a
/// run). Every node runs one: it claims the oldest run nobody holds (<see cref="CalculationRunLeases"/>), whether it
/// was queued on this node, on a node that died before starting it, or was RUNNING on a node whose lease ran out. It
/// looks when this node queues a run and, as a safety net, every <see cref="CalculationRunOptions.PollInterval"/>.
/// A run that fails is retried or marked FAILED with its reason (see the executor); the worker carries on. Progress
/// goes to the run's hub group after each chunk and once at the end (the Redis backplane carries it to every node).
/// </summary>
public sealed partial class CalculationRunWorker(
    CalculationRunInbox inbox,
    NpgsqlDataSource dataSource,
    IHubContext<LiveHub, ILiveClient> hub,
    TimeProvider clock,
    IOptions<CalculationRunOptions> options,
    ILogger<CalculationRunWorker> logger) : BackgroundService
{
    private readonly CalculationRunOptions settings = options.Value;

    /// <summary>This node's lease name.</summary>
    public CalculationRunLeases.Policy Lease { get; } = new(CalculationRunLeases.Policy.NewOwner(), options.Value.LeaseDuration, Math.Max(1, options.Value.MaxAttempts));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await CalculationRunLeases.TryClaimAsync(dataSource, Lease, null, clock.GetUtcNow(), stoppingToken) is { } claim)
                {
                    await ComputeAsync(claim, stoppingToken);
                }

                await inbox.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database being away must not stop the worker: it looks again at the next poll.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, ex);
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ComputeAsync(CalculationRunLeases.Claim claim, CancellationToken stoppingToken)
    {
        try
        {
            // The progress seam: (done, total) after each chunk, once the row has moved.
            var outcome = await CalculationRunExecutor.ExecuteAsync(
                dataSource,
                claim,
                Lease,
                clock,
                (done, total) => PushAsync(new CalculationRunProgress(claim.TenantId, claim.RunId, CalculationRunStatus.Running, done, total, null)),
                stoppingToken);
            if (outcome.Claimed)
            {
                LogCompleted(logger, claim.RunId, claim.Attempt, outcome.Participants, outcome.Credits, outcome.Lines);
                await PushFinalAsync(claim.TenantId, claim.RunId, stoppingToken);
            }
            else if (outcome.LeaseLost)
            {
                LogLeaseLost(logger, claim.RunId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One bad run (already re-queued or marked FAILED) must not stop the worker for every later one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex, claim.RunId, claim.Attempt);
            // Not the stopping token: a cancellation thrown from inside this catch would end the worker's loop.
            await PushFinalAsync(claim.TenantId, claim.RunId, CancellationToken.None);
        }
    }

    /// <summary>The run's row as it now stands (COMPLETED, FAILED with its reason, or queued again for a retry) to its followers.</summary>
    private async Task PushFinalAsync(Guid tenantId, Guid runId, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = new SpmDbContext(new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(dataSource).Options, new FixedTenantContext(tenantId));
            if (await db.CalculationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken) is { } run)
            {
                await PushAsync(new CalculationRunProgress(tenantId, runId, run.Status, run.ParticipantsDone, run.ParticipantsTotal, run.Error));
            }
        }
#pragma warning disable CA1031 // A lost push is not a lost run: the row and the polling subscription still tell.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogPushFailed(logger, ex, runId);
        }
    }

    private async Task PushAsync(CalculationRunProgress progress)
    {
        try
        {
            await hub.Clients.Group(LiveGroups.CalculationRun(progress.TenantId, progress.RunId)).CalculationRunProgress(progress);
        }
#pragma warning disable CA1031 // Progress pushes are best effort; the run must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPushFailed(logger, ex, progress.RunId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the progress of calculation run {RunId} failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calculation run {RunId} completed (attempt {Attempt}): {Participants} participants, {Credits} credits, {Lines} lines")]
    private static partial void LogCompleted(ILogger logger, Guid runId, int attempt, int participants, long credits, long lines);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calculation run {RunId}: this node's lease ran out and another node took the run over; nothing was written here")]
    private static partial void LogLeaseLost(ILogger logger, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calculation run {RunId} failed (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for calculation runs failed; trying again at the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
