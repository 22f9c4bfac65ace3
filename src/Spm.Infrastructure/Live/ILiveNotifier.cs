using Spm.Domain.Compensation;
using Spm.Domain.Events;
using Spm.Domain.Live;

namespace Spm.Infrastructure.Live;

/// <summary>
/// The push side of the live layer (SignalR hub groups and GraphQL subscriptions), as the dispatcher sees it.
/// Called on the node that applied the events; delivery to clients on other nodes is the implementation's job
/// (SignalR Redis backplane, Redis pub/sub for subscriptions). Must not throw for a slow or absent client.
/// </summary>
public interface ILiveNotifier
{
    /// <summary>A board's or contest's scores moved; coalesced per board by the implementation.</summary>
    ValueTask BoardChangedAsync(BoardChange change, CancellationToken cancellationToken);

    /// <summary>A participant's, team's or territory's attainment moved.</summary>
    ValueTask AttainmentChangedAsync(AttainmentChanged change, CancellationToken cancellationToken);

    /// <summary>A deal landed.</summary>
    ValueTask SaleCelebratedAsync(SaleCelebration celebration, CancellationToken cancellationToken);

    /// <summary>A contest started, ended (final standings frozen) or was cancelled.</summary>
    ValueTask ContestStatusChangedAsync(ContestSnapshot contest, CancellationToken cancellationToken);

    /// <summary>A participant's earnings so far in an open month moved (default: not pushed, for notifiers without it).</summary>
    ValueTask EarningsChangedAsync(EarningsChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A compensation dispute was opened or changed status (default: not pushed).</summary>
    ValueTask DisputeChangedAsync(DisputeChanged change, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
