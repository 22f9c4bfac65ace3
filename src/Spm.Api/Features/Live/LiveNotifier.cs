using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Spm.Domain.Compensation;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;

namespace Spm.Api.Features.Live;

/// <summary>
/// The push side as the dispatcher calls it. Hub clients are reached through SignalR groups (the Redis backplane carries
/// the call to the node each client is connected to); GraphQL subscribers through <see cref="LiveBus"/>. Board changes
/// are coalesced per board: the first change after a quiet spell is pushed at once (a deal shows within milliseconds),
/// later ones within <see cref="LivePushOptions.BoardInterval"/> are merged into one push at its end, reading the
/// latest snapshot. Nothing here throws at the dispatcher: a failed push is logged, the next one carries the state.
/// </summary>
public sealed partial class LiveNotifier(
    IHubContext<LiveHub, ILiveClient> hub,
    ILeaderboardReader boards,
    IContestReader contests,
    LiveBus bus,
    IOptions<LivePushOptions> options,
    TimeProvider clock,
    ILogger<LiveNotifier> logger) : ILiveNotifier, IDisposable
{
    private readonly ConcurrentDictionary<(Guid Tenant, string Key, BoardKind Kind), Board> pending = new();
    private readonly ConcurrentDictionary<Guid, Burst> celebrations = new();
    private readonly CancellationTokenSource stopping = new();
    private int disposed;

    public ValueTask BoardChangedAsync(BoardChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var board = pending.GetOrAdd((change.TenantId, change.BoardKey, change.Kind), _ => new Board());
        TimeSpan? delay;
        lock (board)
        {
            board.ChangedSubjects.UnionWith(change.ChangedSubjects);
            // Null when a push is already due: it will read the latest snapshot and these subjects.
            delay = board.Schedule(clock.GetUtcNow(), options.Value.BoardInterval);
        }

        if (delay is { } due)
        {
            _ = FlushAsync(change.TenantId, change.BoardKey, change.Kind, board, due);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask AttainmentChangedAsync(AttainmentChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        // Territory attainment has no hub group (nobody subscribes to a territory); it stays in queries.
        var (group, key) = change.Scope switch
        {
            AttainmentScope.Participant => (LiveGroups.Participant(change.TenantId, change.ScopeId), AttainmentKey(AttainmentScope.Participant, change.ScopeId)),
            AttainmentScope.Team => (LiveGroups.Team(change.TenantId, change.ScopeId), AttainmentKey(AttainmentScope.Team, change.ScopeId)),
            _ => (null, null),
        };
        if (group is null || key is null)
        {
            return;
        }

        await SafelyAsync(() => hub.Clients.Group(group).AttainmentChanged(change), "attainment");
        await PublishAsync(new LiveMessage(LiveMessageKind.AttainmentChanged, change.TenantId, key, change));
    }

    public async ValueTask SaleCelebratedAsync(SaleCelebration celebration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(celebration);
        // Subscribers get every deal with the full record; each subscription withholds the amount by its own viewer.
        var published = PublishAsync(new LiveMessage(LiveMessageKind.SaleCelebrated, celebration.TenantId, string.Empty, celebration));

        // Hub clients (screens, phones) get at most one celebration per interval per tenant: at 200 deals a second
        // one message per deal and client is more than a screen can show and more than two cores can send.
        var burst = celebrations.GetOrAdd(celebration.TenantId, _ => new Burst());
        TimeSpan? delay;
        lock (burst)
        {
            burst.Deals.Add(celebration);
            delay = burst.Schedule(clock.GetUtcNow(), options.Value.CelebrationInterval);
        }

        if (delay is { } due)
        {
            _ = FlushCelebrationsAsync(celebration.TenantId, burst, due);
        }

        await published;
    }

    public async ValueTask ContestStatusChangedAsync(ContestSnapshot contest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var clients = hub.Clients.Group(LiveGroups.Contest(contest.TenantId, contest.ContestKey));
        var kind = contest.Status switch
        {
            ContestStatus.Running => LiveMessageKind.ContestStarted,
            ContestStatus.Ended or ContestStatus.Cancelled => LiveMessageKind.ContestEnded,
            _ => LiveMessageKind.ContestChanged,
        };
        await SafelyAsync(
            () => kind switch
            {
                LiveMessageKind.ContestStarted => clients.ContestStarted(contest),
                LiveMessageKind.ContestEnded => clients.ContestEnded(contest),
                _ => clients.ContestChanged(contest),
            },
            "contest status");
        await PublishAsync(new LiveMessage(kind, contest.TenantId, contest.ContestKey, contest));
    }

    public async ValueTask EarningsChangedAsync(EarningsChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await SafelyAsync(() => hub.Clients.Group(LiveGroups.Earnings(change.TenantId, change.ParticipantId)).EarningsChanged(change), "earnings");
        await PublishAsync(new LiveMessage(LiveMessageKind.EarningsChanged, change.TenantId, ParticipantKey(change.ParticipantId), change));
    }

    public async ValueTask DisputeChangedAsync(DisputeChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        // The rep's own group (and whoever may follow their earnings), and finance and admin following every dispute.
        await SafelyAsync(() => hub.Clients.Group(LiveGroups.Earnings(change.TenantId, change.ParticipantId)).DisputeChanged(change), "dispute");
        await SafelyAsync(() => hub.Clients.Group(LiveGroups.Disputes(change.TenantId)).DisputeChanged(change), "dispute");
        await PublishAsync(new LiveMessage(LiveMessageKind.DisputeChanged, change.TenantId, ParticipantKey(change.ParticipantId), change));
    }

    /// <summary>The fan-out key of a participant's earnings and disputes.</summary>
    public static string ParticipantKey(Guid participantId) => participantId.ToString("N");

    /// <summary>The celebration as reps and partners see it: who, not how much (amount and currency null), for every deal it carries.</summary>
    public static SaleCelebration WithoutAmount(SaleCelebration celebration)
    {
        ArgumentNullException.ThrowIfNull(celebration);
        return celebration with
        {
            ReportingAmount = null,
            ReportingCurrency = null,
            AlsoLanded = celebration.AlsoLanded?.Select(WithoutAmount).ToList(),
        };
    }

    /// <summary>The fan-out key of a participant's or team's attainment.</summary>
    public static string AttainmentKey(AttainmentScope scope, Guid id) => $"{scope.ToString().ToUpperInvariant()}:{id:N}";

    /// <summary>
    /// The entries of <paramref name="top"/> that moved since the previous push: a new rank or score, new on the board,
    /// or named by the dispatcher as changed.
    /// </summary>
    public static IReadOnlyList<LeaderboardEntry> ChangedEntries(IReadOnlyList<LeaderboardEntry> top, IReadOnlyDictionary<Guid, (int Rank, decimal Score)>? previous, IReadOnlySet<Guid> changedSubjects)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(changedSubjects);
        return [.. top.Where(e => changedSubjects.Contains(e.SubjectId)
            || (previous is null ? e.PreviousRank != e.Rank : !previous.TryGetValue(e.SubjectId, out var before) || before.Rank != e.Rank || before.Score != e.Score))];
    }

    public void Dispose()
    {
        // Registered under two service types, so the container disposes it twice.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task FlushAsync(Guid tenantId, string key, BoardKind kind, Board board, TimeSpan delay)
    {
        try
        {
            // Off the dispatcher's thread even when due now: it goes on applying while this node reads and sends.
            await WaitAsync(delay);

            // One flush of a board at a time, so "changed since the previous push" compares consecutive pushes.
            await board.Flushing.WaitAsync(stopping.Token);
            try
            {
                HashSet<Guid> changed;
                lock (board)
                {
                    // Changes from here on schedule the next push (at the last push + interval): latest wins.
                    board.Pushed(clock.GetUtcNow());
                    changed = [.. board.ChangedSubjects];
                    board.ChangedSubjects.Clear();
                }

                if (kind == BoardKind.Contest)
                {
                    await PushContestAsync(tenantId, key);
                }
                else
                {
                    await PushLeaderboardAsync(tenantId, key, board, changed);
                }
            }
            finally
            {
                board.Flushing.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            // A failed read (Redis down) is not fatal: the next change pushes the then current snapshot.
            LogPushFailed(logger, key, e);
            lock (board)
            {
                board.Unschedule();
            }
        }
    }

    private async Task FlushCelebrationsAsync(Guid tenantId, Burst burst, TimeSpan delay)
    {
        try
        {
            // Off the dispatcher's thread even when due now, so deals of the same batch still join this push.
            await WaitAsync(delay);

            List<SaleCelebration> deals;
            lock (burst)
            {
                // Deals from here on schedule the next push, at the last push + interval.
                burst.Pushed(clock.GetUtcNow());
                deals = [.. burst.Deals];
                burst.Deals.Clear();
            }

            var push = SaleCelebration.Burst(deals, options.Value.CelebrationsListed);
            await Task.WhenAll(
                SafelyAsync(() => hub.Clients.Group(LiveGroups.SalesWithAmounts(tenantId)).SaleCelebrated(push), "sale"),
                SafelyAsync(() => hub.Clients.Group(LiveGroups.SalesWithoutAmounts(tenantId)).SaleCelebrated(WithoutAmount(push)), "sale"));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task WaitAsync(TimeSpan delay)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, clock, stopping.Token);
        }
        else
        {
            await Task.Yield();
        }
    }

    private async Task PushLeaderboardAsync(Guid tenantId, string key, Board board, HashSet<Guid> changed)
    {
        var snapshot = await boards.TopAsync(tenantId, key, options.Value.Top, stopping.Token);
        if (snapshot is null)
        {
            return;
        }

        snapshot = snapshot with { Changed = ChangedEntries(snapshot.Top, board.Previous, changed) };
        board.Previous = snapshot.Top.ToDictionary(e => e.SubjectId, e => (e.Rank, e.Score));
        await SafelyAsync(() => hub.Clients.Group(LiveGroups.Leaderboard(tenantId, key)).LeaderboardChanged(snapshot), "leaderboard");
        await PublishAsync(new LiveMessage(LiveMessageKind.LeaderboardChanged, tenantId, key, snapshot));
    }

    private async Task PushContestAsync(Guid tenantId, string key)
    {
        var snapshot = await contests.ContestAsync(tenantId, key, options.Value.Top, stopping.Token);
        if (snapshot is null)
        {
            return;
        }

        await SafelyAsync(() => hub.Clients.Group(LiveGroups.Contest(tenantId, key)).ContestChanged(snapshot), "contest");
        await PublishAsync(new LiveMessage(LiveMessageKind.ContestChanged, tenantId, key, snapshot));
    }

    private Task PublishAsync(LiveMessage message) => SafelyAsync(() => bus.PublishAsync(message, stopping.Token), "fan-out");

    private async Task SafelyAsync(Func<Task> send, string what)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, what, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing board {BoardKey} failed; the next change pushes it again")]
    private static partial void LogPushFailed(ILogger logger, string boardKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a {What} push failed")]
    private static partial void LogSendFailed(ILogger logger, string what, Exception exception);

    /// <summary>
    /// When something coalesced on this node (a board, a tenant's celebrations) may be pushed next: the first change
    /// after a quiet spell at once, later ones at the previous push plus the interval. Callers hold the object's lock.
    /// </summary>
    private abstract class Paced
    {
        private bool scheduled;
        private DateTimeOffset lastPush = DateTimeOffset.MinValue;

        /// <summary>The delay until the push this change needs, or null when one is already scheduled.</summary>
        public TimeSpan? Schedule(DateTimeOffset now, TimeSpan interval)
        {
            if (scheduled)
            {
                return null;
            }

            scheduled = true;
            var due = lastPush + interval;
            return due > now ? due - now : TimeSpan.Zero;
        }

        /// <summary>The scheduled push is going out (<paramref name="at"/>); later changes schedule the next one.</summary>
        public void Pushed(DateTimeOffset at)
        {
            scheduled = false;
            lastPush = at;
        }

        /// <summary>The scheduled push failed: the next change schedules another, at once if the interval has passed.</summary>
        public void Unschedule() => scheduled = false;
    }

    /// <summary>Deals of one tenant waiting for the next celebration push on this node.</summary>
    private sealed class Burst : Paced
    {
        public List<SaleCelebration> Deals { get; } = [];
    }

    /// <summary>Coalescing state of one board on this node.</summary>
    private sealed class Board : Paced
    {
        public HashSet<Guid> ChangedSubjects { get; } = [];

        public IReadOnlyDictionary<Guid, (int Rank, decimal Score)>? Previous { get; set; }

        public SemaphoreSlim Flushing { get; } = new(1, 1);
    }
}
