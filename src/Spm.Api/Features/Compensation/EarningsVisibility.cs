using Spm.Api.Auth;
using Spm.Api.Features.Sales;
using Spm.Domain.Common;

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
}
