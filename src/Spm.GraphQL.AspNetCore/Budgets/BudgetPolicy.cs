namespace Spm.GraphQL.AspNetCore.Budgets;

/// <summary>A token bucket: up to <see cref="Capacity"/> points, refilled at <see cref="RestoreRatePerSecond"/>.</summary>
public sealed record BudgetPolicy
{
    /// <summary>Most points the bucket holds (a burst).</summary>
    public double Capacity { get; init; } = 1_000;

    /// <summary>Points restored per second.</summary>
    public double RestoreRatePerSecond { get; init; } = 50;
}
