using Microsoft.Extensions.Options;
using Npgsql;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Computes calculation runs in the background, one at a time per node (the engine already uses every core inside a
/// run). Every node runs one: it claims the oldest run nobody holds (<see cref="CalculationRunLeases"/>), whether it
/// was queued on this node, on a node that died before starting it, or was RUNNING on a node whose lease ran out. It
/// looks when this node queues a run and, as a safety net, every <see cref="CalculationRunOptions.PollInterval"/>.
/// A run that fails is retried or marked FAILED with its reason (see the executor); the worker carries on.
/// </summary>
public sealed partial class CalculationRunWorker(
    CalculationRunInbox inbox, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<CalculationRunOptions> options, ILogger<CalculationRunWorker> logger) : BackgroundService
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
            var outcome = await CalculationRunExecutor.ExecuteAsync(dataSource, claim, Lease, clock, null, stoppingToken);
            if (outcome.Claimed)
            {
                LogCompleted(logger, claim.RunId, claim.Attempt, outcome.Participants, outcome.Credits, outcome.Lines);
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
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calculation run {RunId} completed (attempt {Attempt}): {Participants} participants, {Credits} credits, {Lines} lines")]
    private static partial void LogCompleted(ILogger logger, Guid runId, int attempt, int participants, long credits, long lines);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calculation run {RunId}: this node's lease ran out and another node took the run over; nothing was written here")]
    private static partial void LogLeaseLost(ILogger logger, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calculation run {RunId} failed (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for calculation runs failed; trying again at the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
