namespace Spm.GraphQL.AspNetCore.Budgets;

/// <summary>The answer of a budget: whether the cost was paid and the bucket's state afterwards.</summary>
/// <param name="Allowed">True when the cost was taken from the bucket.</param>
/// <param name="CurrentlyAvailable">Points left after the decision.</param>
/// <param name="MaximumAvailable">Capacity of the bucket.</param>
/// <param name="RestoreRatePerSecond">Refill rate.</param>
/// <param name="FullAt">When the bucket will be full again if nothing else is spent.</param>
public sealed record CostDecision(
    bool Allowed,
    double CurrentlyAvailable,
    double MaximumAvailable,
    double RestoreRatePerSecond,
    DateTimeOffset FullAt);
