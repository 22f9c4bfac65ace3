using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Sales;
using Spm.Domain.Common;
using Spm.Infrastructure.Crediting;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Who may read whose earnings: the participant, their manager chain (a manager reads their subtree), finance
/// and admin; nobody else. The same row-level limit as credits, so a rep never reads a colleague's pay.
/// </summary>
public sealed class EarningsVisibility(Caller caller, SalesVisibility sales)
{
    /// <summary>The participants whose earnings the caller may read; null means the whole tenant (admin, finance).</summary>
    public async Task<IReadOnlySet<Guid>?> ParticipantsAsync(CancellationToken cancellationToken)
    {
        // Only these roles hold ReadEarnings at all; anyone else reads nobody, whatever the sales rule says.
        if (caller.Role is not (SpmRoles.Admin or SpmRoles.Finance or SpmRoles.Manager or SpmRoles.Rep))
        {
            return new HashSet<Guid>();
        }

        return await sales.ParticipantsAsync(cancellationToken);
    }

    public async Task<bool> MayReadAsync(Guid participantId, CancellationToken cancellationToken) =>
        await ParticipantsAsync(cancellationToken) is not { } visible || visible.Contains(participantId);

    /// <summary>Refuses, as "not found" so the answer reveals nothing, a participant the caller may not read.</summary>
    public async Task EnsureMayReadAsync(Guid participantId, string field, CancellationToken cancellationToken)
    {
        if (!await MayReadAsync(participantId, cancellationToken))
        {
            throw new DomainException("NOT_FOUND", "No statement of this participant is visible to you: earnings are visible to the participant, their managers, finance and admin only.", field);
        }
    }

    /// <summary>
    /// The same rule for a caller outside a request (a hub connection, a live subscription): admin and finance read
    /// everyone (null), a rep themselves, a manager their subtree, every other role nobody.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>?> ParticipantsForAsync(Guid tenantId, string? role, Guid? participantId, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        switch (role)
        {
            case SpmRoles.Admin or SpmRoles.Finance:
                return null;
            case SpmRoles.Rep or SpmRoles.Manager when participantId is { } me:
                if (role == SpmRoles.Rep)
                {
                    return new HashSet<Guid> { me };
                }

                await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
                {
                    return (await OrganisationSnapshot.LoadAsync(connection, null, tenantId, cancellationToken)).Subtree(me);
                }

            default:
                return new HashSet<Guid>();
        }
    }
}
