using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Compensation;
using Spm.Domain.Access;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Live;

/// <summary>
/// Which live streams a viewer may follow; the hub and the GraphQL subscriptions ask the same questions here.
/// Boards and contests: any role of the tenant, except that a paired screen may show only the boards it was paired
/// for. A participant: admin and finance any, a manager their subtree, a rep only themselves. A team: admin and
/// finance any, a manager the teams they lead (and those below) or belong to, a rep their own team. Partners and
/// screens follow boards and contests only. Queries name the tenant explicitly: hub calls have no request, so the
/// request-based tenant filter cannot be relied on.
/// </summary>
public sealed class LiveAccess(IDbContextFactory<SpmDbContext> contexts, NpgsqlDataSource dataSource)
{
    /// <summary>Checks a leaderboard or contest key; throws <see cref="LiveAccessDeniedException"/> when refused.</summary>
    public async Task EnsureBoardAsync(LiveViewer viewer, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (string.IsNullOrWhiteSpace(key) || key.Length > Display.MaxBoardLength)
        {
            throw new LiveAccessDeniedException($"A board key is 1 to {Display.MaxBoardLength} characters.");
        }

        if (viewer.Role != SpmRoles.Display)
        {
            return;
        }

        if (viewer.DisplayId is not { } displayId)
        {
            throw new LiveAccessDeniedException("This screen's token names no paired display.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var display = await db.Displays.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == displayId && d.TenantId == viewer.TenantId, cancellationToken);
        if (display is null || !display.IsPaired)
        {
            throw new LiveAccessDeniedException("This screen is not paired (any more).");
        }

        if (!display.AllowedBoards.Contains(key, StringComparer.Ordinal))
        {
            throw new LiveAccessDeniedException($"This screen was not paired for board '{key}'; it may show: {string.Join(", ", display.AllowedBoards)}.");
        }
    }

    /// <summary>Checks following one participant's attainment; throws <see cref="LiveAccessDeniedException"/> when refused.</summary>
    public Task EnsureParticipantAsync(LiveViewer viewer, Guid participantId, CancellationToken cancellationToken) =>
        EnsureParticipantAsync(viewer, participantId, "attainment", cancellationToken);

    /// <summary>
    /// Checks following one participant's earnings and disputes. The same rule as attainment, which is the statements'
    /// rule too (<see cref="EarningsVisibility"/>): the participant, their manager chain, finance and admin.
    /// </summary>
    public async Task EnsureEarningsAsync(LiveViewer viewer, Guid participantId, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureParticipantAsync(viewer, participantId, "earnings", cancellationToken);
        }
        catch (LiveAccessDeniedException denied)
        {
            throw new LiveAccessDeniedException($"Earnings are visible to the participant, their managers, finance and admin only: {denied.Message}");
        }
    }

    /// <summary>Checks following one team's attainment; throws <see cref="LiveAccessDeniedException"/> when refused.</summary>
    public async Task EnsureTeamAsync(LiveViewer viewer, Guid teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Role is SpmRoles.Admin or SpmRoles.Finance)
        {
            return;
        }

        if (viewer.Role is not (SpmRoles.Manager or SpmRoles.Rep))
        {
            throw new LiveAccessDeniedException($"The {viewer.Role} role may follow leaderboards and contests only, not a team.");
        }

        if (viewer.ParticipantId is not { } me)
        {
            throw new LiveAccessDeniedException("This token belongs to no participant, so it has no team to follow.");
        }

        var organisation = await OrganisationAsync(viewer.TenantId, cancellationToken);
        if (organisation.TeamsOf(me) is [var ownTeam, ..] && teamId == ownTeam)
        {
            return;
        }

        if (viewer.Role == SpmRoles.Rep)
        {
            throw new LiveAccessDeniedException("A rep may follow only their own team.");
        }

        if (!organisation.TeamsLedBy(me).Contains(teamId))
        {
            throw new LiveAccessDeniedException("A manager may follow only the teams they lead (and those below them) or belong to.");
        }
    }

    /// <summary>Checks following every dispute of the tenant: finance and admin only.</summary>
    public static void EnsureAllDisputes(LiveViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Role is not (SpmRoles.Admin or SpmRoles.Finance))
        {
            throw new LiveAccessDeniedException("Only finance and admin follow every dispute; others follow their own (or their team's) through the participant's earnings.");
        }
    }

    /// <summary>Checks following a calculation run: it must be one of the viewer's tenant; throws <see cref="LiveAccessDeniedException"/> otherwise.</summary>
    public async Task<CalculationRun> EnsureCalculationRunAsync(LiveViewer viewer, Guid runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CalculationRuns.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == runId && r.TenantId == viewer.TenantId, cancellationToken)
            ?? throw new LiveAccessDeniedException("No calculation run of this tenant has this id.");
    }

    private async Task EnsureParticipantAsync(LiveViewer viewer, Guid participantId, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        switch (viewer.Role)
        {
            case SpmRoles.Admin or SpmRoles.Finance:
                return;
            case SpmRoles.Rep:
                if (viewer.ParticipantId != participantId)
                {
                    throw new LiveAccessDeniedException($"A rep may follow only their own {what}, not another participant's.");
                }

                return;
            case SpmRoles.Manager:
                if (viewer.ParticipantId is not { } me)
                {
                    throw new LiveAccessDeniedException("This token belongs to no participant, so it has no team to follow.");
                }

                var organisation = await OrganisationAsync(viewer.TenantId, cancellationToken);
                if (!organisation.Subtree(me).Contains(participantId))
                {
                    throw new LiveAccessDeniedException($"A manager may follow the {what} of the participants in their own subtree only.");
                }

                return;
            default:
                throw new LiveAccessDeniedException($"The {viewer.Role} role may follow leaderboards and contests only, not a participant.");
        }
    }

    private async Task<OrganisationSnapshot> OrganisationAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await OrganisationSnapshot.LoadAsync(connection, null, tenantId, cancellationToken);
    }
}
