namespace Spm.Infrastructure.Live;

/// <summary>
/// A Redis projection of the outbox (leaderboards, contests). The dispatcher hands each projection every batch
/// of a tenant's events in outbox order, on one node at a time per tenant. Apply must be idempotent per event id
/// (an event applied twice counts once): the dispatcher re-delivers a batch after a failure. Throwing (Redis
/// down) makes the dispatcher keep its position and retry with backoff, so no event is lost.
/// </summary>
public interface IOutboxProjection
{
    /// <summary>Stable name, used in metrics and logs.</summary>
    string Name { get; }

    /// <summary>Applies <paramref name="batch"/> and returns the boards whose scores moved (for the push layer).</summary>
    Task<IReadOnlyList<Domain.Live.BoardChange>> ApplyAsync(Guid tenantId, IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken);
}
