using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Sales;

/// <summary>
/// Row-level limits on sales and credits: a rep sees the sales they are credited on (and only their own credits),
/// a manager the sales credited to anyone in their subtree (and those credits); admin, finance and partners see
/// the tenant's sales. Computed once per request.
/// </summary>
public sealed class SalesVisibility(Caller caller, IDbContextFactory<SpmDbContext> contexts)
{
    private Task<IReadOnlySet<Guid>?>? participants;

    /// <summary>The participants whose credits the caller may see; null means everyone of the tenant.</summary>
    public Task<IReadOnlySet<Guid>?> ParticipantsAsync(CancellationToken cancellationToken) => participants ??= LoadAsync(cancellationToken);

    private async Task<IReadOnlySet<Guid>?> LoadAsync(CancellationToken cancellationToken)
    {
        if (caller.Role is not (SpmRoles.Rep or SpmRoles.Manager))
        {
            return null;
        }

        if (caller.ParticipantId is not { } me)
        {
            return new HashSet<Guid>();
        }

        if (caller.Role == SpmRoles.Rep)
        {
            return new HashSet<Guid> { me };
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = await db.Participants.AsNoTracking()
            .Select(p => new OrganisationSnapshot.Member(p.Id, p.Name, p.PayCurrency, p.ManagerId, p.TeamId)).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Select(t => new OrganisationSnapshot.TeamNode(t.Id, t.ParentTeamId, t.ManagerId)).ToListAsync(cancellationToken);
        return new OrganisationSnapshot(members, teams).Subtree(me);
    }
}
