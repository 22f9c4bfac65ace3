namespace Spm.Domain.Crediting;

/// <summary>
/// Resolves an account to the territory that held it on a date and that territory's owners then. The
/// territories feature implements it (resolver + effective-dated assignments); crediting only asks.
/// </summary>
public interface ITerritoryOwnershipLookup
{
    /// <summary>The ownership, or null when the account fell in no territory on <paramref name="onDate"/>.</summary>
    /// <remarks>Implementations return cached instances: crediting calls this once per sale with an account.</remarks>
    TerritoryOwnership? Find(Guid accountId, DateOnly onDate);
}
