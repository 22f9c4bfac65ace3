using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Spm.Infrastructure.Live;

/// <summary>
/// Wakes every <paramref name="interval"/> and starts or ends the contests that are due. Runs on every API node;
/// <see cref="ContestLifecycle"/> makes each transition happen once.
/// </summary>
public sealed partial class ContestScheduler(ContestLifecycle lifecycle, TimeProvider clock, TimeSpan interval, ILogger<ContestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await lifecycle.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick retries; a transition that failed rolled back and is still due.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Contest scheduler run failed; retrying at the next tick.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
