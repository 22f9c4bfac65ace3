namespace Spm.Domain.Territories;

/// <summary>Moves to review and approve, with their effect; nothing is applied by the engine.</summary>
public sealed record RebalanceProposal(IReadOnlyList<UnitMove> Moves, IReadOnlyList<MetricBalance> Balance, IReadOnlyList<TerritoryLoad> After);
