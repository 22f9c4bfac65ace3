using System.Net;
using System.Text.Json;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class ActualCostTests
{
    private static readonly BudgetPolicy Policy = new() { Capacity = 1_000, RestoreRatePerSecond = 0 };

    private static (double Requested, double Actual, double Available) Cost(GraphQLHttpResponse response)
    {
        var cost = response.Json.GetProperty("extensions").GetProperty("cost");
        return (
            cost.GetProperty("requestedQueryCost").GetDouble(),
            cost.GetProperty("actualQueryCost").GetDouble(),
            cost.GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble());
    }

    [Fact]
    public async Task A_list_is_charged_for_the_items_it_returned_and_the_rest_is_refunded()
    {
        await using var host = await TestHost.StartAsync(o => o.DefaultBudget = Policy);

        // parents has no first/last, so the estimate uses the default list multiplier 10:
        // parents 1 + id 1 x 10 = 11. Three parents come back: 1 + 3 x 1 = 4.
        var response = await host.PostAsync(new { query = "{ parents(count: 3) { id } }" }, user: "alice");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(3, response.Data.GetProperty("parents").GetArrayLength());
        var (requested, actual, available) = Cost(response);
        Assert.Equal(11, requested);
        Assert.Equal(4, actual);
        // 11 charged before execution, 7 refunded after: 1000 - 4.
        Assert.Equal(996, available);
        Assert.Equal("996", response.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task An_estimate_exceeded_by_a_long_list_charges_the_estimate_and_reports_the_truth()
    {
        await using var host = await TestHost.StartAsync(o => o.DefaultBudget = Policy);

        // Estimate 11 as above; 20 parents come back: 1 + 20 = 21, but no request pays more than its estimate.
        var response = await host.PostAsync(new { query = "{ parents(count: 20) { id } }" }, user: "alice");

        var (requested, actual, available) = Cost(response);
        Assert.Equal(11, requested);
        Assert.Equal(21, actual);
        Assert.Equal(989, available);
    }

    [Fact]
    public async Task Children_of_a_null_object_are_not_charged()
    {
        await using var host = await TestHost.StartAsync(o => o.DefaultBudget = Policy);

        // Requested: nullNode 1 + level 1 + child 1 + child.level 1 = 4; nullNode resolves to null,
        // so only nullNode itself ran: 1.
        var response = await host.PostAsync(new { query = "{ nullNode { level child { level } } }" }, user: "alice");

        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("nullNode").ValueKind);
        var (requested, actual, available) = Cost(response);
        Assert.Equal(4, requested);
        Assert.Equal(1, actual);
        Assert.Equal(999, available);
    }

    [Fact]
    public async Task A_field_with_its_own_impact_is_charged_that_impact()
    {
        await using var host = await TestHost.StartAsync(o => o.DefaultBudget = Policy);

        // expensive has WithComplexityImpact(500); hello 1; boom 1 and fails, but its resolver ran.
        var response = await host.PostAsync(new { query = "{ hello expensive boom }" }, user: "alice");

        var (requested, actual, _) = Cost(response);
        Assert.Equal(502, requested);
        Assert.Equal(502, actual);
    }

    [Fact]
    public async Task Actual_cost_is_reported_without_a_budget_too()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ parents(count: 2) { id child } }" });
        var cost = response.Json.GetProperty("extensions").GetProperty("cost");
        // Estimate: 1 + (1 + 1) x 10 = 21; actual: 1 + 2 x (1 + 1) = 5.
        Assert.Equal(21, cost.GetProperty("requestedQueryCost").GetDouble());
        Assert.Equal(5, cost.GetProperty("actualQueryCost").GetDouble());
    }
}
