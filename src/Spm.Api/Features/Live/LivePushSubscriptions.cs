using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;

namespace Spm.Api.Features.Live;

/// <summary>
/// The hub's events as GraphQL subscriptions, same payloads and same access rules (<see cref="LiveAccess"/>). Events
/// reach this node through <see cref="LiveBus"/> whichever node dispatched them. Board and contest streams start with
/// the current snapshot, so a client that (re)subscribes needs no other query.
/// </summary>
public static class LivePushSubscriptions
{
    public static void Register(ObjectGraphType subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        RegisterLeaderboard(subscription);
        RegisterContest(subscription);
        RegisterAttainment(subscription);
        RegisterSales(subscription);
    }

    private static void RegisterLeaderboard(ObjectGraphType subscription)
    {
        var field = subscription.Field<NonNullGraphType<LeaderboardSnapshotGraphType>>("leaderboardChanged")
            .Requires(Capability.ReadLeaderboards)
            .Description("A leaderboard's current snapshot at once (when the board exists), then one each time it moves (coalesced: a few per second at most). A paired screen may follow only its own boards.")
            .Argument<NonNullGraphType<StringGraphType>>("key", "The board's key.")
            .Resolve(c => c.Source);
        field.FieldType.StreamResolver = new SourceStreamResolver<LeaderboardSnapshot>(async c =>
        {
            var (viewer, services) = Context(c);
            var key = c.GetArgument<string>("key");
            await CheckAsync(services.GetRequiredService<LiveAccess>().EnsureBoardAsync(viewer, key, c.CancellationToken));
            var reader = services.GetRequiredService<ILeaderboardReader>();
            var top = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LivePushOptions>>().Value.Top;
            return Stream(
                services.GetRequiredService<LiveBus>(),
                viewer.TenantId,
                m => m.Kind == LiveMessageKind.LeaderboardChanged && m.Key == key,
                async ct => await reader.TopAsync(viewer.TenantId, key, top, ct) is { } current ? current with { Changed = [] } : null,
                m => (LeaderboardSnapshot)m.Payload);
        });
    }

    private static void RegisterContest(ObjectGraphType subscription)
    {
        var field = subscription.Field<NonNullGraphType<ContestSnapshotGraphType>>("contestChanged")
            .Requires(Capability.ReadLeaderboards)
            .Description("A contest's current snapshot at once (when it exists), then one each time its standings move, it starts (status RUNNING) or it ends (ENDED or CANCELLED). A paired screen may follow only its own contests.")
            .Argument<NonNullGraphType<StringGraphType>>("key", "The contest's key.")
            .Resolve(c => c.Source);
        field.FieldType.StreamResolver = new SourceStreamResolver<ContestSnapshot>(async c =>
        {
            var (viewer, services) = Context(c);
            var key = c.GetArgument<string>("key");
            await CheckAsync(services.GetRequiredService<LiveAccess>().EnsureBoardAsync(viewer, key, c.CancellationToken));
            var reader = services.GetRequiredService<IContestReader>();
            var top = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LivePushOptions>>().Value.Top;
            return Stream(
                services.GetRequiredService<LiveBus>(),
                viewer.TenantId,
                m => (m.Kind is LiveMessageKind.ContestChanged or LiveMessageKind.ContestStarted or LiveMessageKind.ContestEnded) && m.Key == key,
                ct => new ValueTask<ContestSnapshot?>(reader.ContestAsync(viewer.TenantId, key, top, ct)),
                m => (ContestSnapshot)m.Payload);
        });
    }

    private static void RegisterAttainment(ObjectGraphType subscription)
    {
        var field = subscription.Field<NonNullGraphType<AttainmentChangeGraphType>>("attainmentChanged")
            .Requires(Capability.ReadPerformance)
            .Description("Each change of one participant's or one team's attainment (give exactly one of the two ids). A rep may follow only themselves or their team, a manager their subtree; partners may not.")
            .Argument<IdGraphType>("participantId", "Global id of the participant to follow.")
            .Argument<IdGraphType>("teamId", "Global id of the team to follow.")
            .Resolve(c => c.Source);
        field.FieldType.StreamResolver = new SourceStreamResolver<AttainmentChanged>(async c =>
        {
            var (viewer, services) = Context(c);
            var participant = c.GetArgument<string?>("participantId");
            var team = c.GetArgument<string?>("teamId");
            if ((participant is null) == (team is null))
            {
                throw new ExecutionError("Give exactly one of `participantId` and `teamId`.") { Code = "INVALID_ARGUMENT" };
            }

            var access = services.GetRequiredService<LiveAccess>();
            string key;
            if (participant is not null)
            {
                var id = GlobalId.TryDecode(participant, ParticipantGraphType.TypeName) ?? throw NotAnId("participantId", ParticipantGraphType.TypeName);
                await CheckAsync(access.EnsureParticipantAsync(viewer, id, c.CancellationToken));
                key = LiveNotifier.AttainmentKey(AttainmentScope.Participant, id);
            }
            else
            {
                var id = GlobalId.TryDecode(team, TeamGraphType.TypeName) ?? throw NotAnId("teamId", TeamGraphType.TypeName);
                await CheckAsync(access.EnsureTeamAsync(viewer, id, c.CancellationToken));
                key = LiveNotifier.AttainmentKey(AttainmentScope.Team, id);
            }

            return Stream(
                services.GetRequiredService<LiveBus>(),
                viewer.TenantId,
                m => m.Kind == LiveMessageKind.AttainmentChanged && m.Key == key,
                _ => ValueTask.FromResult<AttainmentChanged?>(null),
                m => (AttainmentChanged)m.Payload);
        });
    }

    private static void RegisterSales(ObjectGraphType subscription)
    {
        var field = subscription.Field<NonNullGraphType<SaleCelebrationGraphType>>("saleCelebrated")
            .Requires(Capability.ReadLeaderboards)
            .Description("Each deal recorded in the tenant: who closed it and, for admin, finance, managers and paired screens, how much (`amount` is null for reps and partners).")
            .Resolve(c => c.Source);
        field.FieldType.StreamResolver = new SourceStreamResolver<VisibleSaleCelebration>(c =>
        {
            var (viewer, services) = Context(c);
            return ValueTask.FromResult<IObservable<VisibleSaleCelebration?>>(Stream(
                services.GetRequiredService<LiveBus>(),
                viewer.TenantId,
                m => m.Kind == LiveMessageKind.SaleCelebrated,
                _ => ValueTask.FromResult<VisibleSaleCelebration?>(null),
                m => new VisibleSaleCelebration((SaleCelebration)m.Payload, viewer.SeesSaleAmounts)));
        });
    }

    internal static (LiveViewer Viewer, IServiceProvider Services) Context(IResolveFieldContext context) =>
        (LiveViewer.From(context.User) ?? throw new ExecutionError("The token names no tenant or role.") { Code = "ACCESS_DENIED" }, context.RequestServices!);

    private static ExecutionError NotAnId(string argument, string typeName) =>
        new($"`{argument}` is not a {typeName} id.") { Code = "INVALID_ARGUMENT" };

    internal static async Task CheckAsync(Task check)
    {
        try
        {
            await check;
        }
        catch (LiveAccessDeniedException denied)
        {
            throw new ExecutionError(denied.Message) { Code = "ACCESS_DENIED" };
        }
    }

    /// <summary>
    /// Listens first (so nothing published meanwhile is missed), then yields the current value when there is one, then
    /// every matching message.
    /// </summary>
    internal static AsyncEnumerableObservable<T> Stream<T>(LiveBus bus, Guid tenantId, Func<LiveMessage, bool> filter, Func<CancellationToken, ValueTask<T?>> current, Func<LiveMessage, T> payload)
        where T : class =>
        new(ct => EventsAsync(bus, tenantId, filter, current, payload, ct));

    private static async IAsyncEnumerable<T> EventsAsync<T>(
        LiveBus bus, Guid tenantId, Func<LiveMessage, bool> filter, Func<CancellationToken, ValueTask<T?>> current, Func<LiveMessage, T> payload, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        using var listening = bus.Listen(tenantId, filter);
        if (await current(cancellationToken) is { } first)
        {
            yield return first;
        }

        await foreach (var message in listening.Reader.ReadAllAsync(cancellationToken))
        {
            yield return payload(message);
        }
    }
}
