using Npgsql;
using Spm.Api.Auth;
using Spm.Infrastructure.Crediting;

namespace Spm.Api.Features.Sales;

/// <summary>
/// Row-level limits on sales and credits: a rep sees the sales they are credited on (and only their own credits),
/// a manager the sales credited to anyone in their subtree (and those credits); admin, finance and partners see
/// the tenant's sales. Computed once per request.
/// </summary>
public sealed class SalesVisibility(Caller caller, NpgsqlDataSource dataSource)
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

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await OrganisationSnapshot.LoadAsync(connection, null, caller.RequireTenant(), cancellationToken)).Subtree(me);
    }
}
