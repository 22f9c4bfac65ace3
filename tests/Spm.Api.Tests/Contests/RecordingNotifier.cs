using System.Collections.Concurrent;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;

namespace Spm.Api.Tests.Contests;

/// <summary>Keeps the contest status pushes it is given, in order.</summary>
public sealed class RecordingNotifier : ILiveNotifier
{
    public ConcurrentQueue<ContestSnapshot> Contests { get; } = new();

    public ValueTask BoardChangedAsync(BoardChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask AttainmentChangedAsync(AttainmentChanged change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask SaleCelebratedAsync(SaleCelebration celebration, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ContestStatusChangedAsync(ContestSnapshot contest, CancellationToken cancellationToken)
    {
        Contests.Enqueue(contest);
        return ValueTask.CompletedTask;
    }
}
