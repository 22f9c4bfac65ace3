using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Compensation;

/// <summary>Period close (manager, then finance), lock, payroll CSV, commission expense; disputes with adjustments and live events.</summary>
public sealed class PayoutAndDisputeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Payout = "payout { id status lockedAt approval { currentStep currentApprover { name } } totals { amount currency } lines { participant { name } amount { amount } } }";

    [Fact]
    public async Task A_period_closes_through_manager_then_finance_locks_exports_and_refuses_recalculation()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);
        using var finance = world.Person(fixture, "finance", world.FinanceId);
        using var manager = world.Person(fixture, "manager", world.Org.ManagerId);
        using var rep = world.Person(fixture, "rep", world.Org.RepIds[0]);

        // Sales operations submits: the finance approver may not also be the requester.
        var submitted = await MutateAsync(world.Admin, "submitPayout", $"runId: \"{runId}\"");
        Assert.Equal(("SUBMITTED", 1, "Mona Manager"), (submitted["status"]!.GetValue<string>(), submitted["approval"]!["currentStep"]!.GetValue<int>(), submitted["approval"]!["currentApprover"]!["name"]!.GetValue<string>()));
        // 625.03 + 200.00 = 825.03, copied from the run.
        Assert.Equal("825.03", Assert.Single(submitted["totals"]!.AsArray())!["amount"]!.GetValue<string>());
        var id = submitted["id"]!.GetValue<string>();

        Assert.Equal("PAYOUT_WRONG_STEP", await ErrorAsync(finance, "financeApprovePayout", $"payoutId: \"{id}\""));
        Assert.Equal("APPROVAL_NOT_ALLOWED", await ErrorAsync(rep, "rejectPayout", $"payoutId: \"{id}\", comment: \"no\""));
        Assert.Equal(HttpStatusCode.Conflict, (await finance.GetAsync($"/payouts/{id}.csv")).StatusCode);

        var afterManager = await MutateAsync(manager, "approvePayout", $"payoutId: \"{id}\"");
        Assert.Equal(("SUBMITTED", 2, "Fiona Finance"), (afterManager["status"]!.GetValue<string>(), afterManager["approval"]!["currentStep"]!.GetValue<int>(), afterManager["approval"]!["currentApprover"]!["name"]!.GetValue<string>()));
        Assert.Equal("APPROVED", (await MutateAsync(finance, "financeApprovePayout", $"payoutId: \"{id}\""))["status"]!.GetValue<string>());
        var locked = await MutateAsync(finance, "lockPayout", $"payoutId: \"{id}\"");
        Assert.Equal("LOCKED", locked["status"]!.GetValue<string>());
        Assert.NotNull(locked["lockedAt"]);

        var csv = await finance.GetAsync($"/payouts/{id}.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("participant_id,name,email,period,period_start,period_end,amount,currency", rows[0]);
        Assert.Equal(2, rows.Length - 1);
        Assert.Contains(rows, r => r.StartsWith($"{world.Org.RepIds[0]},Rep 01,", StringComparison.Ordinal) && r.EndsWith(",2026-03-01,2026-03-31,625.03,EUR", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith($"{world.Org.RepIds[1]},Rep 02,", StringComparison.Ordinal) && r.EndsWith(",200.00,EUR", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync($"/payouts/{id}.csv")).StatusCode);

        // Locked: March is never calculated again, and nothing is written by the attempt.
        await using var db = fixture.CreateContext(world.Org.TenantId);
        var runsBefore = await db.CalculationRuns.CountAsync();
        Assert.Equal("PERIOD_LOCKED", await ErrorAsync(world.Admin, "startCalculationRun", $"periodId: \"{world.Month("2026-03")}\"", payload: "run { id }"));
        Assert.Equal(runsBefore, await db.CalculationRuns.CountAsync());

        var expense = (await finance.DataAsync("{ commissionExpense(fiscalYear: 2026) { period { name } earned { amount } accrued { amount } paid { amount currency } } }"))["commissionExpense"]!;
        var march = Assert.Single(expense.AsArray())!;
        Assert.Equal(("825.03", "0.00", "825.03", "EUR"), (march["earned"]!["amount"]!.GetValue<string>(), march["accrued"]!["amount"]!.GetValue<string>(), march["paid"]!["amount"]!.GetValue<string>(), march["paid"]!["currency"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_resolved_dispute_pays_its_adjustment_in_the_next_run_and_the_rep_is_notified_at_every_step()
    {
        var (world, runId) = await CompWorld.WithMarchRunAsync(fixture);
        using var rep1 = world.Person(fixture, "rep", world.Org.RepIds[0]);
        using var rep2 = world.Person(fixture, "rep", world.Org.RepIds[1]);

        // Rep 02 cannot dispute a colleague's line: it does not exist for them.
        Assert.Equal("NOT_FOUND", await ErrorAsync(rep2, "openDispute", $"runId: \"{runId}\", lineNo: 1, participantId: \"{world.Rep(1)}\", description: \"mine\"", payload: "dispute { id }"));
        var opened = (await rep1.DataAsync(
            $"mutation {{ openDispute(input: {{ runId: \"{runId}\", lineNo: 1, description: \"The 2,500.50 deal was 3,000.\" }}) {{ dispute {{ id status lineNo openedAt }} errors {{ code message field }} }} }}"))["openDispute"]!;
        Assert.Empty(opened["errors"]!.AsArray());
        var id = opened["dispute"]!["id"]!.GetValue<string>();
        Assert.Equal(("OPEN", 1), (opened["dispute"]!["status"]!.GetValue<string>(), opened["dispute"]!["lineNo"]!.GetValue<int>()));
        Assert.Empty((await rep2.DataAsync("{ disputes { id } }"))["disputes"]!.AsArray());

        Assert.Equal("IN_REVIEW", (await DisputeAsync(world.Admin, "reviewDispute", $"disputeId: \"{id}\""))["status"]!.GetValue<string>());
        // 499.50 more credit at 5 % is 24.975, rounded half away from zero: 24.98.
        var resolved = await DisputeAsync(world.Admin, "resolveDispute", $"disputeId: \"{id}\", resolution: \"Amended to 3,000.\", adjustmentAmount: \"24.98\"");
        Assert.Equal(("RESOLVED", "24.98"), (resolved["status"]!.GetValue<string>(), resolved["adjustment"]!["amount"]!.GetValue<string>()));
        Assert.NotNull(resolved["closedAt"]);
        Assert.Equal("DISPUTE_STATUS", await ErrorAsync(world.Admin, "rejectDispute", $"disputeId: \"{id}\", resolution: \"late\"", payload: "dispute { id }"));

        // March is still open, so the adjustment is paid there: 625.03 + 24.98 = 650.01.
        var rerun = await world.RunAsync("2026-03");
        var statement = (await rep1.DataAsync(
            "query($p: ID!, $m: ID!) { statement(participantId: $p, periodId: $m) { run { id } payout { amount } lines { kind amount { amount } } } }",
            new { p = world.Rep(1), m = world.Month("2026-03") }))["statement"]!;
        Assert.Equal((rerun, "650.01"), (statement["run"]!["id"]!.GetValue<string>(), statement["payout"]!["amount"]!.GetValue<string>()));
        Assert.Contains(statement["lines"]!.AsArray(), l => l!["kind"]!.GetValue<string>() == "AWARD" && l["amount"]!["amount"]!.GetValue<string>() == "24.98");

        // Open, review, resolve: three dispute.changed events for Rep 01 in the outbox, committed with the changes.
        await using var db = fixture.CreateContext(world.Org.TenantId);
        var payloads = await db.Outbox.Where(o => o.TenantId == world.Org.TenantId && o.Type == "dispute.changed").OrderBy(o => o.Id).Select(o => o.Payload).ToListAsync();
        var events = payloads.Select(p => JsonNode.Parse(p)!).ToList();
        Assert.Equal(["Open", "InReview", "Resolved"], events.Select(e => e["status"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(world.Org.RepIds[0], e["participantId"]!.GetValue<Guid>()));
        Assert.Equal(24.98m, events[2]["adjustmentAmount"]!.GetValue<decimal>());
        Assert.Equal(3, await db.AuditLog.CountAsync(a => a.EntityType == "Dispute"));
    }

    private static async Task<JsonNode> MutateAsync(HttpClient client, string mutation, string input)
    {
        var result = (await client.DataAsync($"mutation {{ {mutation}(input: {{ {input} }}) {{ {Payout} errors {{ code message field }} }} }}"))[mutation]!;
        Assert.Empty(result["errors"]!.AsArray());
        return result["payout"]!;
    }

    private static async Task<JsonNode> DisputeAsync(HttpClient client, string mutation, string input)
    {
        var result = (await client.DataAsync($"mutation {{ {mutation}(input: {{ {input} }}) {{ dispute {{ id status closedAt adjustment {{ amount }} }} errors {{ code message field }} }} }}"))[mutation]!;
        Assert.Empty(result["errors"]!.AsArray());
        return result["dispute"]!;
    }

    private static async Task<string> ErrorAsync(HttpClient client, string mutation, string input, string payload = "payout { id }")
    {
        var result = (await client.DataAsync($"mutation {{ {mutation}(input: {{ {input} }}) {{ {payload} errors {{ code message field }} }} }}"))[mutation]!;
        return Assert.Single(result["errors"]!.AsArray())!["code"]!.GetValue<string>();
    }
}
