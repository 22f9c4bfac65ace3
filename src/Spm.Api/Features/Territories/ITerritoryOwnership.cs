namespace Spm.Api.Features.Territories;

/// <summary>
/// "Which territory, and which participants, own this account on day D": the question crediting asks for every sale.
/// Backed by a compiled resolver cached per tenant and date and rebuilt when the tenant's territory revision moves
/// (database triggers raise it on any change to accounts, territories, overrides or assignments, whoever writes).
/// Takes the tenant explicitly so background workers can call it outside a request.
/// </summary>
public interface ITerritoryOwnership
{
    /// <summary>The ownership of one account on <paramref name="day"/>; null when the account does not exist in the tenant.</summary>
    Task<AccountOwnership?> ResolveAsync(Guid tenantId, Guid accountId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Ownership of many accounts in one round trip; unknown ids are missing from the result.</summary>
    Task<IReadOnlyDictionary<Guid, AccountOwnership>> ResolveManyAsync(Guid tenantId, IReadOnlyCollection<Guid> accountIds, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Territories, overrides, assignments and the compiled resolver of the tenant on <paramref name="day"/>.</summary>
    Task<TerritorySnapshot> SnapshotAsync(Guid tenantId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Every account of the tenant resolved on <paramref name="day"/> (cached like the snapshot).</summary>
    Task<TerritoryMembership> MembershipAsync(Guid tenantId, DateOnly day, CancellationToken cancellationToken);
}
