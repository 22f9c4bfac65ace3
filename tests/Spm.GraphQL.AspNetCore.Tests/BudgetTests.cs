using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class BudgetTests
{
    private static readonly BudgetPolicy Policy = new() { Capacity = 10, RestoreRatePerSecond = 1 };

    [Fact]
    public async Task Token_bucket_takes_refuses_and_refills_with_the_clock()
    {
        var clock = new FakeTimeProvider();
        var budget = new InMemoryCostBudget(clock);

        var first = await budget.TryConsumeAsync("c", 7, Policy, CancellationToken.None);
        Assert.True(first.Allowed);
        Assert.Equal(3, first.CurrentlyAvailable);

        var refused = await budget.TryConsumeAsync("c", 4, Policy, CancellationToken.None);
        Assert.False(refused.Allowed);
        Assert.Equal(3, refused.CurrentlyAvailable);

        clock.Advance(TimeSpan.FromSeconds(1));
        var afterRefill = await budget.TryConsumeAsync("c", 4, Policy, CancellationToken.None);
        Assert.True(afterRefill.Allowed);
        Assert.Equal(0, afterRefill.CurrentlyAvailable);
        Assert.Equal(clock.GetUtcNow().AddSeconds(10), afterRefill.FullAt);

        clock.Advance(TimeSpan.FromHours(1));
        var capped = await budget.TryConsumeAsync("c", 0, Policy, CancellationToken.None);
        Assert.Equal(10, capped.CurrentlyAvailable);
    }

    [Fact]
    public async Task Refund_returns_points_up_to_capacity_and_clients_are_separate()
    {
        var budget = new InMemoryCostBudget(new FakeTimeProvider());
        await budget.TryConsumeAsync("a", 8, Policy, CancellationToken.None);
        var refunded = await budget.RefundAsync("a", 5, Policy, CancellationToken.None);
        Assert.Equal(7, refunded.CurrentlyAvailable);
        var overRefunded = await budget.RefundAsync("a", 50, Policy, CancellationToken.None);
        Assert.Equal(10, overRefunded.CurrentlyAvailable);

        var other = await budget.TryConsumeAsync("b", 0, Policy, CancellationToken.None);
        Assert.Equal(10, other.CurrentlyAvailable);
    }

    [Fact]
    public async Task Requests_are_charged_reported_refused_with_429_and_served_again_after_refill()
    {
        var clock = new FakeTimeProvider();
        await using var host = await TestHost.StartAsync(
            o => o.DefaultBudget = Policy,
            s => s.AddSingleton<TimeProvider>(clock));

        // { hello expensive } would cost 501; { a: hello b: hello c: hello d: hello } costs 4.
        const string query = "{ a: hello b: hello c: hello d: hello }";
        var first = await host.PostAsync(new { query }, user: "alice");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var cost = first.Json.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(4, cost.GetProperty("requestedQueryCost").GetDouble());
        Assert.Equal(4, cost.GetProperty("actualQueryCost").GetDouble());
        var throttle = cost.GetProperty("throttleStatus");
        Assert.Equal(10, throttle.GetProperty("maximumAvailable").GetDouble());
        Assert.Equal(6, throttle.GetProperty("currentlyAvailable").GetDouble());
        Assert.Equal(1, throttle.GetProperty("restoreRate").GetDouble());
        Assert.Equal("10", first.Header("X-RateLimit-Limit"));
        Assert.Equal("6", first.Header("X-RateLimit-Remaining"));
        var expectedReset = clock.GetUtcNow().AddSeconds(4).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(expectedReset, first.Header("X-RateLimit-Reset"));

        var second = await host.PostAsync(new { query }, user: "alice");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("2", second.Header("X-RateLimit-Remaining"));

        var refused = await host.PostAsync(new { query }, user: "alice");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("THROTTLED", refused.FirstErrorCode);
        Assert.Equal("2", refused.Header("X-RateLimit-Remaining"));
        Assert.Equal("2", refused.Header("Retry-After"));
        Assert.Equal(0, refused.Json.GetProperty("extensions").GetProperty("cost").GetProperty("actualQueryCost").GetDouble());

        // Another client has its own bucket.
        var bob = await host.PostAsync(new { query }, user: "bob");
        Assert.Equal(HttpStatusCode.OK, bob.Status);

        clock.Advance(TimeSpan.FromSeconds(2));
        var afterRefill = await host.PostAsync(new { query }, user: "alice");
        Assert.Equal(HttpStatusCode.OK, afterRefill.Status);
        Assert.Equal("0", afterRefill.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Throttling_is_429_also_for_legacy_json_clients()
    {
        await using var host = await TestHost.StartAsync(o => o.DefaultBudget = new BudgetPolicy { Capacity = 3, RestoreRatePerSecond = 0 });
        var response = await host.PostAsync(new { query = "{ a: hello b: hello c: hello d: hello }" }, "application/json", user: "alice");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal("THROTTLED", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_denied_request_is_not_charged()
    {
        var clock = new FakeTimeProvider();
        await using var host = await TestHost.StartAsync(
            o => o.DefaultBudget = Policy,
            s => s.AddSingleton<TimeProvider>(clock));
        var denied = await host.PostAsync(new { query = "{ secret }" }, user: "alice");
        Assert.Equal("ACCESS_DENIED", denied.FirstErrorCode);
        Assert.Equal("10", denied.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Role_budget_beats_the_default_budget()
    {
        await using var host = await TestHost.StartAsync(o =>
        {
            o.DefaultBudget = new BudgetPolicy { Capacity = 3, RestoreRatePerSecond = 0 };
            o.BudgetsByRole["partner"] = new BudgetPolicy { Capacity = 100, RestoreRatePerSecond = 0 };
        });
        var partner = await host.PostAsync(new { query = "{ a: hello b: hello c: hello d: hello }" }, user: "p", roles: "partner");
        Assert.Equal(HttpStatusCode.OK, partner.Status);
        Assert.Equal("100", partner.Header("X-RateLimit-Limit"));
        Assert.Equal("96", partner.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Without_a_budget_the_cost_is_still_reported()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello }" });
        var cost = response.Json.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(1, cost.GetProperty("requestedQueryCost").GetDouble());
        Assert.Equal(string.Empty, response.Header("X-RateLimit-Limit"));
    }
}
