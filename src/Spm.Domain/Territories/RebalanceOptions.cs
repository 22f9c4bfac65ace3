namespace Spm.Domain.Territories;

/// <summary>How the rebalancer trades opportunity against workload and against disruption.</summary>
/// <param name="PotentialWeight">Weight of the potential balance in the objective.</param>
/// <param name="WorkloadWeight">Weight of the account-count balance in the objective.</param>
/// <param name="MinimumGain">
/// A move must lower the objective (weighted sum of squared coefficients of variation) by more than this: the price of
/// taking accounts away from their current owner. 0 moves anything that helps at all.
/// </param>
/// <param name="MaxMoves">Upper bound on the number of moves proposed.</param>
/// <param name="CandidateTerritories">How many most-loaded sources and least-loaded destinations each step considers.</param>
public sealed record RebalanceOptions(
    decimal PotentialWeight = 1m,
    decimal WorkloadWeight = 1m,
    decimal MinimumGain = 0m,
    int MaxMoves = 100_000,
    int CandidateTerritories = 4);
