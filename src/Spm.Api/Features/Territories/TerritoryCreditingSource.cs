using Spm.Domain.Crediting;
using Spm.Domain.Territories;
using Spm.Infrastructure.Crediting;

namespace Spm.Api.Features.Territories;

/// <summary>
/// Gives the crediting engine territory ownership from <see cref="ITerritoryOwnership"/>: who
/// owned an account's territory (primaries with splits, overlays) on a sale's close date.
/// </summary>
public sealed class TerritoryCreditingSource(ITerritoryOwnership ownership) : ITerritoryOwnershipSource
{
    public Task<ITerritoryOwnershipLookup> ForTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<ITerritoryOwnershipLookup>(new Lookup(ownership, tenantId, cancellationToken));

    private sealed class Lookup(ITerritoryOwnership ownership, Guid tenantId, CancellationToken cancellationToken) : ITerritoryOwnershipLookup
    {
        private readonly Dictionary<DateOnly, TerritorySnapshot> days = [];
        private readonly Dictionary<(Guid Account, DateOnly Day), TerritoryOwnership?> answers = [];

        public TerritoryOwnership? Find(Guid accountId, DateOnly onDate)
        {
            if (answers.TryGetValue((accountId, onDate), out var known))
            {
                return known;
            }

            // The engine asks synchronously, once per sale; ASP.NET Core has no synchronisation
            // context to deadlock on. The snapshot (for territory names) is read once per close
            // date of the run; each new account costs one resolution.
            if (!days.TryGetValue(onDate, out var snapshot))
            {
                snapshot = ownership.SnapshotAsync(tenantId, onDate, cancellationToken).GetAwaiter().GetResult();
                days[onDate] = snapshot;
            }

            var owned = ownership.ResolveAsync(tenantId, accountId, onDate, cancellationToken).GetAwaiter().GetResult();
            TerritoryOwnership? answer = null;
            if (owned is { TerritoryId: { } territoryId })
            {
                var name = snapshot.ById.TryGetValue(territoryId, out var territory) ? territory.Name : territoryId.ToString();
                answer = new TerritoryOwnership(
                    territoryId,
                    name,
                    [.. owned.Owners.Where(o => o.Role == TerritoryRole.Primary).Select(o => new TerritoryShare(o.ParticipantId, o.SplitPercent))],
                    [.. owned.Owners.Where(o => o.Role == TerritoryRole.Overlay).Select(o => new OverlayAssignment(o.ParticipantId, "overlay"))]);
            }

            answers[(accountId, onDate)] = answer;
            return answer;
        }
    }
}
