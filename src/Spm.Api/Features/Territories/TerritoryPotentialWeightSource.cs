using Spm.Api.Auth;
using Spm.Api.Features.Quotas;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>
/// Allocation weights by territory potential: a participant weighs the sum, over their primary assignments in force on
/// the date, of the territory's potential (its accounts' potential, descendants included, on that date) times the split.
/// Overlay assignments carry no weight: overlays get overlay quotas, not a share of the primary target.
/// </summary>
public sealed class TerritoryPotentialWeightSource(ITerritoryOwnership ownership, Caller caller) : IAllocationWeightSource
{
    public AllocationWeightBasis Basis => AllocationWeightBasis.TerritoryPotential;

    public async Task<IReadOnlyDictionary<Guid, decimal>> WeightsAsync(IReadOnlyCollection<Guid> participantIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participantIds);
        var membership = await ownership.MembershipAsync(caller.RequireTenant(), asOf, cancellationToken);
        var wanted = participantIds.ToHashSet();
        var weights = participantIds.Distinct().ToDictionary(id => id, _ => 0m);
        foreach (var assignment in membership.Snapshot.Assignments)
        {
            if (assignment.Role == TerritoryRole.Primary && wanted.Contains(assignment.ParticipantId) && assignment.IsActiveOn(asOf)
                && membership.Snapshot.Hierarchy.IsEffective(assignment.TerritoryId, asOf))
            {
                weights[assignment.ParticipantId] += membership.LoadOf(assignment.TerritoryId).Potential * assignment.SplitPercent / 100m;
            }
        }

        return weights;
    }
}
