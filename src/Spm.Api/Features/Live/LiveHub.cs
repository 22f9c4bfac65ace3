using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Spm.Api.Auth;
using Spm.Api.Features.Compensation;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;

namespace Spm.Api.Features.Live;

/// <summary>
/// The live hub at <c>/hubs/live</c>: clients subscribe to boards, contests, participants and teams and receive
/// <see cref="ILiveClient"/> calls. Subscribe methods return the current snapshot (where one exists) so a client that
/// (re)connects needs no other call; groups do not survive a reconnect, so clients subscribe again after one.
/// Every connection also receives the tenant's deal celebrations, with or without amounts by role.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveAccess access, ILeaderboardReader boards, IContestReader contests, IOptions<LivePushOptions> options) : Hub<ILiveClient>
{
    // Attribute arguments must be constants; these spell AccessMatrix.Policy(Capability.X).
    private const string ReadLeaderboards = "spm:" + nameof(Capability.ReadLeaderboards);
    private const string ReadPerformance = "spm:" + nameof(Capability.ReadPerformance);
    private const string ReadEarnings = "spm:" + nameof(Capability.ReadEarnings);
    private const string ManagePayouts = "spm:" + nameof(Capability.ManagePayouts);

    public override async Task OnConnectedAsync()
    {
        var viewer = Viewer();
        await Groups.AddToGroupAsync(
            Context.ConnectionId,
            viewer.SeesSaleAmounts ? LiveGroups.SalesWithAmounts(viewer.TenantId) : LiveGroups.SalesWithoutAmounts(viewer.TenantId),
            Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>Follows a leaderboard; returns its current top entries (null when the tenant has no such board yet).</summary>
    [Authorize(Policy = ReadLeaderboards)]
    public async Task<LeaderboardSnapshot?> SubscribeLeaderboard(string key)
    {
        var viewer = Viewer();
        await EnsureAsync(access.EnsureBoardAsync(viewer, key, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Leaderboard(viewer.TenantId, key), Context.ConnectionAborted);
        return await boards.TopAsync(viewer.TenantId, key, options.Value.Top, Context.ConnectionAborted);
    }

    /// <summary>Stops following a leaderboard.</summary>
    [Authorize(Policy = ReadLeaderboards)]
    public Task UnsubscribeLeaderboard(string key) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Leaderboard(Viewer().TenantId, key ?? string.Empty), Context.ConnectionAborted);

    /// <summary>Follows a contest (standings, start, end); returns its current snapshot (null when there is no such contest).</summary>
    [Authorize(Policy = ReadLeaderboards)]
    public async Task<ContestSnapshot?> SubscribeContest(string key)
    {
        var viewer = Viewer();
        await EnsureAsync(access.EnsureBoardAsync(viewer, key, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Contest(viewer.TenantId, key), Context.ConnectionAborted);
        return await contests.ContestAsync(viewer.TenantId, key, options.Value.Top, Context.ConnectionAborted);
    }

    /// <summary>Stops following a contest.</summary>
    [Authorize(Policy = ReadLeaderboards)]
    public Task UnsubscribeContest(string key) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Contest(Viewer().TenantId, key ?? string.Empty), Context.ConnectionAborted);

    /// <summary>Follows a participant's attainment (id: a Participant global id or a UUID).</summary>
    [Authorize(Policy = ReadPerformance)]
    public async Task SubscribeParticipant(string id)
    {
        var viewer = Viewer();
        var participantId = ParseId(id, ParticipantGraphType.TypeName);
        await EnsureAsync(access.EnsureParticipantAsync(viewer, participantId, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Participant(viewer.TenantId, participantId), Context.ConnectionAborted);
    }

    /// <summary>Stops following a participant.</summary>
    [Authorize(Policy = ReadPerformance)]
    public Task UnsubscribeParticipant(string id) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Participant(Viewer().TenantId, ParseId(id, ParticipantGraphType.TypeName)), Context.ConnectionAborted);

    /// <summary>Follows a team's attainment (id: a Team global id or a UUID).</summary>
    [Authorize(Policy = ReadPerformance)]
    public async Task SubscribeTeam(string id)
    {
        var viewer = Viewer();
        var teamId = ParseId(id, TeamGraphType.TypeName);
        await EnsureAsync(access.EnsureTeamAsync(viewer, teamId, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Team(viewer.TenantId, teamId), Context.ConnectionAborted);
    }

    /// <summary>Stops following a team.</summary>
    [Authorize(Policy = ReadPerformance)]
    public Task UnsubscribeTeam(string id) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Team(Viewer().TenantId, ParseId(id, TeamGraphType.TypeName)), Context.ConnectionAborted);

    /// <summary>
    /// Follows a participant's earnings so far (<c>EarningsChanged</c>) and disputes (<c>DisputeChanged</c>); id: a
    /// Participant global id or a UUID. Only the participant, their manager chain, finance and admin may.
    /// </summary>
    [Authorize(Policy = ReadEarnings)]
    public async Task SubscribeEarnings(string id)
    {
        var viewer = Viewer();
        var participantId = ParseId(id, ParticipantGraphType.TypeName);
        await EnsureAsync(access.EnsureEarningsAsync(viewer, participantId, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Earnings(viewer.TenantId, participantId), Context.ConnectionAborted);
    }

    /// <summary>Stops following a participant's earnings and disputes.</summary>
    [Authorize(Policy = ReadEarnings)]
    public Task UnsubscribeEarnings(string id) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Earnings(Viewer().TenantId, ParseId(id, ParticipantGraphType.TypeName)), Context.ConnectionAborted);

    /// <summary>Follows every dispute of the tenant (<c>DisputeChanged</c>): finance and admin only.</summary>
    [Authorize(Policy = ReadEarnings)]
    public async Task SubscribeDisputes()
    {
        var viewer = Viewer();
        Ensure(() => LiveAccess.EnsureAllDisputes(viewer));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Disputes(viewer.TenantId), Context.ConnectionAborted);
    }

    /// <summary>Stops following every dispute.</summary>
    [Authorize(Policy = ReadEarnings)]
    public Task UnsubscribeDisputes() =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Disputes(Viewer().TenantId), Context.ConnectionAborted);

    /// <summary>
    /// Follows a calculation run's progress (<c>CalculationRunProgress</c>, from whichever node computes it); returns
    /// where it stands now. id: a CalculationRun global id or a UUID. Admin and finance.
    /// </summary>
    [Authorize(Policy = ManagePayouts)]
    public async Task<CalculationRunProgress> SubscribeCalculationRun(string id)
    {
        var viewer = Viewer();
        var runId = ParseId(id, CalculationRunGraphType.TypeName);
        var run = await EnsureAsync(access.EnsureCalculationRunAsync(viewer, runId, Context.ConnectionAborted));

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.CalculationRun(viewer.TenantId, runId), Context.ConnectionAborted);
        return new CalculationRunProgress(run.TenantId, run.Id, run.Status, run.ParticipantsDone, run.ParticipantsTotal, run.Error);
    }

    /// <summary>Stops following a calculation run.</summary>
    [Authorize(Policy = ManagePayouts)]
    public Task UnsubscribeCalculationRun(string id) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.CalculationRun(Viewer().TenantId, ParseId(id, CalculationRunGraphType.TypeName)), Context.ConnectionAborted);

    private LiveViewer Viewer() =>
        LiveViewer.From(Context.User) ?? throw new HubException("This token names no tenant or role.");

    /// <summary>Accepts a global id of <paramref name="typeName"/> (what GraphQL hands out) or a plain UUID.</summary>
    private static Guid ParseId(string? id, string typeName) =>
        GlobalId.TryDecode(id, typeName) ?? (Guid.TryParse(id, out var plain) ? plain
            : throw new HubException($"'{id}' is not a {typeName} id (a global id or a UUID)."));

    /// <summary>Turns a refusal into a HubException, whose message reaches the client (other exceptions' do not).</summary>
    private static async Task EnsureAsync(Task check)
    {
        try
        {
            await check;
        }
        catch (LiveAccessDeniedException denied)
        {
            throw new HubException(denied.Message);
        }
    }

    private static void Ensure(Action check)
    {
        try
        {
            check();
        }
        catch (LiveAccessDeniedException denied)
        {
            throw new HubException(denied.Message);
        }
    }

    private static async Task<T> EnsureAsync<T>(Task<T> check)
    {
        try
        {
            return await check;
        }
        catch (LiveAccessDeniedException denied)
        {
            throw new HubException(denied.Message);
        }
    }
}
