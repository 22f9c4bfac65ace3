using Spm.Domain.Crediting;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// Placeholder until territories are merged: no account falls in any territory, so territory and overlay rules
/// credit nobody (direct, split and roll-up work as usual). Replaced in DI by the territories' implementation.
/// </summary>
public sealed class NoTerritoryOwnershipSource : ITerritoryOwnershipSource, ITerritoryOwnershipLookup
{
    public static NoTerritoryOwnershipSource Instance { get; } = new();

    public Task<ITerritoryOwnershipLookup> ForTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<ITerritoryOwnershipLookup>(this);

    public TerritoryOwnership? Find(Guid accountId, DateOnly onDate) => null;
}
