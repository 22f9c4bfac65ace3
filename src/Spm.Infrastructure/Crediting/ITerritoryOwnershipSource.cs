using Spm.Domain.Crediting;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// Gives a crediting run the territory ownership of one tenant. The territories feature backs it with its
/// ownership service; until it is merged, <see cref="NoTerritoryOwnershipSource"/> is registered (one DI line).
/// </summary>
public interface ITerritoryOwnershipSource
{
    Task<ITerritoryOwnershipLookup> ForTenantAsync(Guid tenantId, CancellationToken cancellationToken);
}
