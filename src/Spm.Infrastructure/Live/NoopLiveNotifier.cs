using Spm.Domain.Events;
using Spm.Domain.Live;

namespace Spm.Infrastructure.Live;

/// <summary>The notifier when no push layer is registered: the dispatcher still keeps Redis current.</summary>
public sealed class NoopLiveNotifier : ILiveNotifier
{
    public ValueTask BoardChangedAsync(BoardChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask AttainmentChangedAsync(AttainmentChanged change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask SaleCelebratedAsync(SaleCelebration celebration, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ContestStatusChangedAsync(ContestSnapshot contest, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
