using System.Threading.Channels;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Wakes this node's <see cref="CalculationRunWorker"/> when a run was queued here, so it starts at once instead of at
/// the next poll. Only a hint: the rows in PostgreSQL are the queue, and the worker claims runs there with a lease, so
/// a run queued on a node that died is still found by any node's poll.
/// </summary>
public sealed class CalculationRunInbox
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid tenantId, Guid runId) => channel.Writer.TryWrite(runId);

    /// <summary>Waits until a run is queued on this node or <paramref name="timeout"/> passes; drains the hints.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await channel.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look for orphaned runs anyway.
        }

        while (channel.Reader.TryRead(out _))
        {
        }
    }
}
