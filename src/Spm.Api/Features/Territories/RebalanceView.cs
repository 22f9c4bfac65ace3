using System.Text.Json;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>A stored rebalancing proposal with its moves and balance read back from JSON.</summary>
public sealed record RebalanceView(TerritoryRebalance Proposal, IReadOnlyList<RebalanceView.Move> Moves, IReadOnlyList<MetricBalance> Balance, RebalanceView.Settings Options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RebalanceView Of(TerritoryRebalance proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new(
            proposal,
            JsonSerializer.Deserialize<Move[]>(proposal.MovesJson, Json) ?? [],
            JsonSerializer.Deserialize<MetricBalance[]>(proposal.BalanceJson, Json) ?? [],
            JsonSerializer.Deserialize<Settings>(proposal.OptionsJson, Json)!);
    }

    /// <summary>One stored move: a unit (an account or a postal-code group) from one sibling to another.</summary>
    public sealed record Move(string UnitKey, Guid From, Guid To, decimal Potential, int AccountCount, IReadOnlyList<Guid> AccountIds);

    /// <summary>The options the proposal was made with.</summary>
    public sealed record Settings(bool ByPostalCode, decimal PotentialWeight, decimal WorkloadWeight, decimal MinimumGain, int MaxMoves);
}
