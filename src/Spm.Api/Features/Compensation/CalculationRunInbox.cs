using System.Threading.Channels;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Runs accepted by this node, handed to <see cref="CalculationRunWorker"/>. The row in PostgreSQL is the
/// truth: the worker claims a run with a conditional UPDATE, so even if two nodes were told about the same
/// run only one computes it.
/// </summary>
public sealed class CalculationRunInbox
{
    private readonly Channel<(Guid TenantId, Guid RunId)> channel = Channel.CreateUnbounded<(Guid, Guid)>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid tenantId, Guid runId) => channel.Writer.TryWrite((tenantId, runId));

    public IAsyncEnumerable<(Guid TenantId, Guid RunId)> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);
}
