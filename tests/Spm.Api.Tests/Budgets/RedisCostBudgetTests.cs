using Spm.Api.Tests.Infrastructure;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.Infrastructure.Redis;
using StackExchange.Redis;

namespace Spm.Api.Tests.Budgets;

public sealed class RedisCostBudgetTests : IAsyncLifetime
{
    // A slow refill (1 point per 1000 s) keeps the arithmetic exact while a test runs.
    private static readonly BudgetPolicy Policy = new() { Capacity = 100, RestoreRatePerSecond = 0.001 };
    private readonly string prefix = $"test:{Guid.NewGuid():N}:";
    private ConnectionMultiplexer redis = null!;

    public async Task InitializeAsync() => redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task A_bucket_pays_until_empty_then_refuses_without_charging()
    {
        var budget = new RedisCostBudget(redis, prefix);
        var first = await budget.TryConsumeAsync("partner-a", 60, Policy, default);
        Assert.True(first.Allowed);
        Assert.Equal(40, first.CurrentlyAvailable, 2);

        var refused = await budget.TryConsumeAsync("partner-a", 41, Policy, default);
        Assert.False(refused.Allowed);
        Assert.Equal(40, refused.CurrentlyAvailable, 2);
        Assert.Equal(100, refused.MaximumAvailable);

        var exact = await budget.TryConsumeAsync("partner-a", 40, Policy, default);
        Assert.True(exact.Allowed);
        Assert.Equal(0, exact.CurrentlyAvailable, 2);
    }

    [Fact]
    public async Task Two_nodes_share_one_bucket_and_clients_do_not_share()
    {
        await using var other = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var nodeA = new RedisCostBudget(redis, prefix);
        var nodeB = new RedisCostBudget(other, prefix);
        Assert.True((await nodeA.TryConsumeAsync("shared", 70, Policy, default)).Allowed);
        Assert.False((await nodeB.TryConsumeAsync("shared", 31, Policy, default)).Allowed);
        Assert.True((await nodeB.TryConsumeAsync("someone-else", 100, Policy, default)).Allowed);
    }

    [Fact]
    public async Task A_refund_returns_points_but_never_beyond_capacity()
    {
        var budget = new RedisCostBudget(redis, prefix);
        await budget.TryConsumeAsync("refund", 50, Policy, default);
        Assert.Equal(80, (await budget.RefundAsync("refund", 30, Policy, default)).CurrentlyAvailable, 2);
        Assert.Equal(100, (await budget.RefundAsync("refund", 500, Policy, default)).CurrentlyAvailable, 2);
    }

    [Fact]
    public async Task The_bucket_refills_at_the_restore_rate()
    {
        var fast = new BudgetPolicy { Capacity = 100, RestoreRatePerSecond = 1000 };
        var budget = new RedisCostBudget(redis, prefix);
        Assert.True((await budget.TryConsumeAsync("refill", 100, fast, default)).Allowed);
        await Task.Delay(200);
        // At 1000 points per second, 200 ms refill the whole bucket (capped at 100).
        Assert.True((await budget.TryConsumeAsync("refill", 100, fast, default)).Allowed);
    }

    [Fact]
    public async Task With_redis_down_a_node_still_limits_clients_from_memory()
    {
        await using var down = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200");
        var budget = new RedisCostBudget(down, prefix);
        Assert.True((await budget.TryConsumeAsync("offline", 100, Policy, default)).Allowed);
        Assert.False((await budget.TryConsumeAsync("offline", 1, Policy, default)).Allowed);
    }
}
