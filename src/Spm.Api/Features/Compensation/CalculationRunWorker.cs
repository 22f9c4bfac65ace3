using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Computes queued calculation runs in the background, one at a time per node (the engine already uses every
/// core inside a run). A run that fails is marked FAILED with its reason; the worker carries on.
/// </summary>
public sealed partial class CalculationRunWorker(CalculationRunInbox queue, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<CalculationRunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (tenantId, runId) in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                // Runs outside any request: the tenant comes from the queued run, never from an ambient caller.
                await using var db = new SpmDbContext(new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(dataSource).Options, new FixedTenantContext(tenantId));
                var outcome = await CalculationRunExecutor.ExecuteAsync(db, runId, clock, null, stoppingToken);
                if (outcome.Claimed)
                {
                    LogCompleted(logger, runId, outcome.Participants, outcome.Credits, outcome.Lines);
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
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calculation run {RunId} completed: {Participants} participants, {Credits} credits, {Lines} lines")]
    private static partial void LogCompleted(ILogger logger, Guid runId, int participants, long credits, long lines);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calculation run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId);
}
