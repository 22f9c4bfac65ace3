namespace Spm.GraphQL.AspNetCore.Budgets;

/// <summary>
/// Per-client points budget (a leaky/token bucket). Hosts with several nodes implement it over a
/// shared store (e.g. Redis); <see cref="InMemoryCostBudget"/> serves single-node hosts and tests.
/// </summary>
public interface ICostBudget
{
    /// <summary>Takes <paramref name="cost"/> points when the bucket holds them; otherwise takes nothing.</summary>
    ValueTask<CostDecision> TryConsumeAsync(string clientKey, double cost, BudgetPolicy policy, CancellationToken cancellationToken);

    /// <summary>Gives back points charged beyond the actual cost (capped at capacity).</summary>
    ValueTask<CostDecision> RefundAsync(string clientKey, double points, BudgetPolicy policy, CancellationToken cancellationToken);
}
