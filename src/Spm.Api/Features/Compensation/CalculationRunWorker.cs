using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Api.Features.Live;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Computes queued calculation runs in the background, one at a time per node (the engine already uses every
/// core inside a run). A run that fails is marked FAILED with its reason; the worker carries on. Progress goes to the
/// run's hub group after each chunk and once at the end (the Redis backplane carries it to every node).
/// </summary>
public sealed partial class CalculationRunWorker(
    CalculationRunInbox queue, NpgsqlDataSource dataSource, IHubContext<LiveHub, ILiveClient> hub, TimeProvider clock, ILogger<CalculationRunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (tenantId, runId) in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                // Runs outside any request: the tenant comes from the queued run, never from an ambient caller.
                await using var db = new SpmDbContext(new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(dataSource).Options, new FixedTenantContext(tenantId));
                var outcome = await CalculationRunExecutor.ExecuteAsync(
                    db,
                    runId,
                    clock,
                    (done, total) => PushAsync(new CalculationRunProgress(tenantId, runId, CalculationRunStatus.Running, done, total, null)),
                    stoppingToken);
                if (outcome.Claimed)
                {
                    LogCompleted(logger, runId, outcome.Participants, outcome.Credits, outcome.Lines);
                    await PushFinalAsync(tenantId, runId, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One bad run (already marked FAILED) must not stop the worker for every later one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, runId);
                // Not the stopping token: a cancellation thrown from inside this catch would end the worker's loop.
                await PushFinalAsync(tenantId, runId, CancellationToken.None);
            }
        }
    }

    /// <summary>The run's final row (COMPLETED or FAILED with its reason) to its followers.</summary>
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Calculation run {RunId} completed: {Participants} participants, {Credits} credits, {Lines} lines")]
    private static partial void LogCompleted(ILogger logger, Guid runId, int participants, long credits, long lines);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calculation run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId);
}
