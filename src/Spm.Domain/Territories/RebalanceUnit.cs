namespace Spm.Domain.Territories;

/// <summary>What moves as one piece: a single account, or every account of a postal code so a seller's area stays whole.</summary>
public sealed record RebalanceUnit(string Key, Guid TerritoryId, decimal Potential, int AccountCount, IReadOnlyList<Guid> AccountIds);
