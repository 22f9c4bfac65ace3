using System.Text.Json.Nodes;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Compensation;

/// <summary>`node(id:)` for compensation types answers what the type's own query would, and null where it would refuse.</summary>
public sealed class CompensationNodeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Node = """
        query($id: ID!) { node(id: $id) { __typename id
          ... on CompPlan { name versions { version } }
          ... on CompPlanVersion { version versionStatus: status }
          ... on CompPlanAssignment { effectiveFrom }
          ... on CalculationRun { runStatus: status participantsDone }
          ... on Dispute { disputeStatus: status description }
          ... on Payout { payoutStatus: status totals { amount } } } }
        """;

    private static async Task<JsonNode?> NodeAsync(HttpClient client, string id) => (await client.DataAsync(Node, new { id }))["node"];

    [Fact]
    public async Task Plans_versions_assignments_and_runs_resolve_for_sales_operations_only()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);
        var plans = (await world.Admin.DataAsync("{ compPlans { id versions { id } } compPlanAssignments { id } }"))!;
        var plan = plans["compPlans"]![0]!;
        var planId = (string)plan["id"]!;
        var versionId = (string)plan["versions"]![0]!["id"]!;
        var assignmentId = (string)plans["compPlanAssignments"]![0]!["id"]!;
        using var finance = world.Person(fixture, "finance", world.FinanceId);
        using var rep = world.Person(fixture, "rep", world.Org.RepIds[0]);

        var node = (await NodeAsync(world.Admin, planId))!;
        Assert.Equal(("CompPlan", planId, "AE 2026", 1), ((string)node["__typename"]!, (string)node["id"]!, (string)node["name"]!, (int)node["versions"]![0]!["version"]!));
        node = (await NodeAsync(world.Admin, versionId))!;
        Assert.Equal(("CompPlanVersion", 1, "PUBLISHED"), ((string)node["__typename"]!, (int)node["version"]!, (string)node["versionStatus"]!));
        node = (await NodeAsync(world.Admin, assignmentId))!;
        Assert.Equal(("CompPlanAssignment", "2026-01-01"), ((string)node["__typename"]!, (string)node["effectiveFrom"]!));
        node = (await NodeAsync(world.Admin, runId))!;
        // Two reps on the plan: both calculated.
        Assert.Equal(("CalculationRun", "COMPLETED", 2), ((string)node["__typename"]!, (string)node["runStatus"]!, (int)node["participantsDone"]!));

        // compPlans, compPlanAssignments and calculationRun(s) need ManageCompensation: finance and reps get null.
        foreach (var id in new[] { planId, versionId, assignmentId, runId })
        {
            Assert.Null(await NodeAsync(finance, id));
            Assert.Null(await NodeAsync(rep, id));
        }

        // Another tenant's admin gets null for the same ids.
        var other = await TestData.CreateTenantAsync(fixture, reps: 1);
        using var stranger = fixture.Api.ClientFor(other.TenantId, "admin");
        Assert.Null(await NodeAsync(stranger, runId));
        Assert.Null(await NodeAsync(stranger, planId));
    }

    [Fact]
    public async Task A_dispute_resolves_for_its_rep_their_manager_and_admin_but_not_for_a_colleague_and_a_payout_for_finance_only()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);
        using var rep1 = world.Person(fixture, "rep", world.Org.RepIds[0]);
        using var rep2 = world.Person(fixture, "rep", world.Org.RepIds[1]);
        using var manager = world.Person(fixture, "manager", world.Org.ManagerId);
        using var finance = world.Person(fixture, "finance", world.FinanceId);
        var opened = (await rep1.DataAsync(
            $"mutation {{ openDispute(input: {{ runId: \"{runId}\", lineNo: 1, description: \"Missing deal.\" }}) {{ dispute {{ id }} errors {{ code }} }} }}"))["openDispute"]!;
        Assert.Empty(opened["errors"]!.AsArray());
        var disputeId = (string)opened["dispute"]!["id"]!;

        foreach (var reader in new[] { rep1, manager, world.Admin, finance })
        {
            var node = (await NodeAsync(reader, disputeId))!;
            Assert.Equal(("Dispute", "OPEN", "Missing deal."), ((string)node["__typename"]!, (string)node["disputeStatus"]!, (string)node["description"]!));
        }

        // A colleague gets null, as for an id that does not exist; a partner has no ReadEarnings at all.
        Assert.Null(await NodeAsync(rep2, disputeId));
        using var partner = fixture.Api.ClientFor(world.Org.TenantId, "partner");
        Assert.Null(await NodeAsync(partner, disputeId));

        var submitted = (await world.Admin.DataAsync($"mutation {{ submitPayout(input: {{ runId: \"{runId}\" }}) {{ payout {{ id }} errors {{ code }} }} }}"))["submitPayout"]!;
        Assert.Empty(submitted["errors"]!.AsArray());
        var payoutId = (string)submitted["payout"]!["id"]!;
        // 625.03 + 200.00 = 825.03 (CompWorld.WithMarchRunAsync).
        var payout = (await NodeAsync(finance, payoutId))!;
        Assert.Equal(("Payout", "SUBMITTED", "825.03"), ((string)payout["__typename"]!, (string)payout["payoutStatus"]!, (string)payout["totals"]![0]!["amount"]!));
        Assert.Null(await NodeAsync(manager, payoutId));
        Assert.Null(await NodeAsync(rep1, payoutId));
    }
}
