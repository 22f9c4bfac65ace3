namespace Spm.Domain.Territories;

/// <summary>An account's weight in its territory; pipeline and history come from outside the territory engine.</summary>
public sealed record AccountLoad(Guid AccountId, Guid TerritoryId, decimal Potential, decimal OpenPipeline, decimal LastYearRevenue);
