using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Sales;

namespace Spm.Api.Tests.Pipeline;

public sealed class OpportunityTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Upsert = "mutation($opportunities: [OpportunityInput!]!) { upsertOpportunities(input: { opportunities: $opportunities }) { created updated stageChanges errors { code field } } }";

    [Fact]
    public async Task Upserts_by_external_id_keep_stage_history_and_skip_unchanged_rows()
    {
        var world = await SalesWorld.CreateAsync(fixture, withRates: false);
        object Opportunity(string stage, string probability, string? wonOn = null) => new
        {
            source = "crm",
            externalId = "O-1",
            ownerParticipantId = world.Rep(1),
            stage,
            amount = "5000.00",
            currency = "EUR",
            probability,
            expectedCloseDate = "2026-06-30",
            createdOn = "2026-03-01",
            wonOn,
        };
        var created = await world.Admin.DataAsync(Upsert, new { opportunities = new[] { Opportunity("Qualify", "20") } });
        Assert.Equal((1, 0, 1), Counts(created));
        var unchanged = await world.Admin.DataAsync(Upsert, new { opportunities = new[] { Opportunity("Qualify", "20") } });
        Assert.Equal((0, 0, 0), Counts(unchanged));
        var moved = await world.Admin.DataAsync(Upsert, new { opportunities = new[] { Opportunity("Proposal", "60") } });
        Assert.Equal((0, 1, 1), Counts(moved));
        var won = await world.Admin.DataAsync(Upsert, new { opportunities = new[] { Opportunity("Closed Won", "100", "2026-05-20") } });
        Assert.Equal((0, 1, 1), Counts(won));

        await using var db = fixture.CreateContext(world.Org.TenantId);
        var opportunity = await db.Opportunities.SingleAsync();
        Assert.Equal(("Closed Won", 100m, new DateOnly(2026, 5, 20)), (opportunity.Stage, opportunity.Probability, opportunity.WonOn!.Value));
        var history = await db.OpportunityStageHistory.OrderBy(h => h.Id).Select(h => $"{h.FromStage ?? "-"}>{h.ToStage}").ToListAsync();
        Assert.Equal(["->Qualify", "Qualify>Proposal", "Proposal>Closed Won"], history);
        Assert.Equal(3, await db.Outbox.CountAsync(o => o.Type == "opportunity.changed"));
    }

    [Fact]
    public async Task A_probability_out_of_range_is_refused_naming_the_row()
    {
        var world = await SalesWorld.CreateAsync(fixture, withRates: false);
        var result = await world.Admin.DataAsync(Upsert, new
        {
            opportunities = new[] { new { source = "crm", externalId = "P-1", ownerParticipantId = world.Rep(1), stage = "Qualify", amount = "10.00", currency = "EUR", probability = "120", createdOn = "2026-03-01" } },
        });
        var error = result["upsertOpportunities"]!["errors"]!.AsArray().Single()!;
        Assert.Equal(("PROBABILITY_OUT_OF_RANGE", "input.opportunities.0.probability"), ((string)error["code"]!, string.Join('.', error["field"]!.AsArray().Select(f => (string)f!))));
    }

    private static (int, int, int) Counts(System.Text.Json.Nodes.JsonNode data) =>
        ((int)data["upsertOpportunities"]!["created"]!, (int)data["upsertOpportunities"]!["updated"]!, (int)data["upsertOpportunities"]!["stageChanges"]!);
}
