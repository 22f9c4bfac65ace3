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
        private readonly Dictionary<(Guid Account, DateOnly Day), TerritoryOwnership?> answers = [];

        public TerritoryOwnership? Find(Guid accountId, DateOnly onDate)
        {
            if (answers.TryGetValue((accountId, onDate), out var known))
            {
                return known;
            }

            // The engine asks synchronously, once per sale. The service compiles and caches the
            // tenant's territories per day, so only the first account of a day waits on PostgreSQL;
            // there is no synchronisation context in ASP.NET Core to deadlock on.
            var snapshot = ownership.SnapshotAsync(tenantId, onDate, cancellationToken).GetAwaiter().GetResult();
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
