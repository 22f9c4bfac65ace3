using Spm.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Spm.Api.Tests.Budgets;

public sealed class GraphQLBudgetTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Every_query_is_charged_to_the_callers_bucket_in_redis_and_reported()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var client = fixture.Api.ClientFor(org.TenantId, "admin");

        var first = await client.QueryAsync("{ tenant { name } }");
        var second = await client.QueryAsync("{ tenant { name } }");

        var cost = second["extensions"]!["cost"]!;
        var throttle = cost["throttleStatus"]!;
        // Capacity from configuration (Spm:GraphQL:DefaultBudget:Capacity); the restore rate keeps its default of 50 per second.
        Assert.Equal(SpmApiFactory.TestBudgetCapacity, throttle["maximumAvailable"]!.GetValue<double>());
        Assert.Equal(50, throttle["restoreRate"]!.GetValue<double>());
        var requested = cost["requestedQueryCost"]!.GetValue<double>();
        Assert.True(requested > 0);
        // Refill may have topped the bucket up between the two calls, but never past this query's charge.
        Assert.True(throttle["currentlyAvailable"]!.GetValue<double>() <= SpmApiFactory.TestBudgetCapacity - requested);
        Assert.NotNull(first["extensions"]!["cost"]!["throttleStatus"]);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        Assert.True(await redis.GetDatabase().KeyExistsAsync($"{fixture.Api.RedisKeyPrefix}budget:{{user:test-user}}"));
    }
}
