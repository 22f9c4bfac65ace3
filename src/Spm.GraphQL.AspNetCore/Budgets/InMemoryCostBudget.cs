using System.Collections.Concurrent;

namespace Spm.GraphQL.AspNetCore.Budgets;

/// <summary>In-process token buckets, one per client key; time comes from <see cref="TimeProvider"/>.</summary>
public sealed class InMemoryCostBudget(TimeProvider timeProvider) : ICostBudget
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<CostDecision> TryConsumeAsync(string clientKey, double cost, BudgetPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return ValueTask.FromResult(Update(clientKey, policy, -Math.Max(0, cost), mustFit: true));
    }

    /// <inheritdoc />
    public ValueTask<CostDecision> RefundAsync(string clientKey, double points, BudgetPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return ValueTask.FromResult(Update(clientKey, policy, Math.Max(0, points), mustFit: false));
    }

    private CostDecision Update(string clientKey, BudgetPolicy policy, double delta, bool mustFit)
    {
        var now = timeProvider.GetUtcNow();
        var bucket = _buckets.GetOrAdd(clientKey, _ => new Bucket(policy.Capacity, now));
        lock (bucket)
        {
            // Refill lazily from the elapsed time instead of running a timer per client.
            var elapsed = Math.Max(0, (now - bucket.UpdatedAt).TotalSeconds);
            bucket.Available = Math.Min(policy.Capacity, bucket.Available + (elapsed * policy.RestoreRatePerSecond));
            bucket.UpdatedAt = now;

            var allowed = !mustFit || bucket.Available + delta >= 0;
            if (allowed)
            {
                bucket.Available = Math.Clamp(bucket.Available + delta, 0, policy.Capacity);
            }

            var missing = policy.Capacity - bucket.Available;
            var fullAt = policy.RestoreRatePerSecond > 0
                ? now.AddSeconds(missing / policy.RestoreRatePerSecond)
                : now;
            return new CostDecision(allowed, bucket.Available, policy.Capacity, policy.RestoreRatePerSecond, fullAt);
        }
    }

    private sealed class Bucket(double available, DateTimeOffset updatedAt)
    {
        public double Available { get; set; } = available;

        public DateTimeOffset UpdatedAt { get; set; } = updatedAt;
    }
}
