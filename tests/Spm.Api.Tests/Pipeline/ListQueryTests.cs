using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Sales;

namespace Spm.Api.Tests.Pipeline;

public sealed class ListQueryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Log = "mutation($activities: [ActivityInput!]!) { logActivities(input: { activities: $activities }) { errors { code field } } }";
    private const string Upsert = "mutation($opportunities: [OpportunityInput!]!) { upsertOpportunities(input: { opportunities: $opportunities }) { errors { code field } } }";

    [Fact]
    public async Task Activities_page_latest_first_filter_by_kind_participant_and_day_and_a_rep_sees_only_their_own()
    {
        var world = await SalesWorld.CreateAsync(fixture, withRates: false);
        object Activity(string id, string kind, int rep, string at) => new { source = "crm", externalId = id, kind, participantId = world.Rep(rep), occurredAt = at };
        var logged = await world.Admin.DataAsync(Log, new
        {
            activities = new[]
            {
                Activity("A-1", "CALL", 1, "2026-03-02T09:00:00Z"),
                Activity("A-2", "DEMO", 1, "2026-03-03T09:00:00Z"),
                Activity("A-3", "CALL", 2, "2026-03-04T09:00:00Z"),
                Activity("A-4", "CALL", 1, "2026-03-05T09:00:00Z"),
            },
        });
        Assert.Empty(logged["logActivities"]!["errors"]!.AsArray());

        const string Page = "query($after: String, $kind: ActivityKind, $p: ID, $from: Date, $to: Date) { activities(first: 2, after: $after, kind: $kind, participantId: $p, from: $from, to: $to) { totalCount pageInfo { hasNextPage endCursor } nodes { externalId kind participant { name } } } }";
        var first = (await world.Admin.DataAsync(Page))["activities"]!;
        Assert.Equal(4, (int)first["totalCount"]!);
        Assert.Equal(["A-4", "A-3"], first["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!));
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        var second = (await world.Admin.DataAsync(Page, new { after = (string)first["pageInfo"]!["endCursor"]! }))["activities"]!;
        Assert.Equal(["A-2", "A-1"], second["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!));
        Assert.False((bool)second["pageInfo"]!["hasNextPage"]!);

        var calls = (await world.Admin.DataAsync(Page, new { kind = "CALL", p = world.Rep(1) }))["activities"]!;
        Assert.Equal(["A-4", "A-1"], calls["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!));
        var days = (await world.Admin.DataAsync(Page, new { from = "2026-03-03", to = "2026-03-04" }))["activities"]!;
        Assert.Equal(["A-3", "A-2"], days["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!));

        var rep2 = fixture.Api.ClientFor(world.Org.TenantId, "rep");
        rep2.DefaultRequestHeaders.Add("X-Test-Participant", world.Org.RepIds[1].ToString());
        var own = (await rep2.DataAsync(Page))["activities"]!;
        Assert.Equal(["A-3"], own["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!));
    }

    [Fact]
    public async Task Opportunities_list_with_stage_history_filtered_by_stage_and_owner_and_a_manager_sees_the_subtree()
    {
        var world = await SalesWorld.CreateAsync(fixture, withRates: false);
        object Opportunity(string id, int rep, string stage) => new { source = "crm", externalId = id, ownerParticipantId = world.Rep(rep), stage, amount = "5000.00", currency = "EUR", probability = "20", createdOn = "2026-03-01" };
        Assert.Empty((await world.Admin.DataAsync(Upsert, new { opportunities = new[] { Opportunity("O-1", 1, "Qualify"), Opportunity("O-2", 2, "Qualify") } }))["upsertOpportunities"]!["errors"]!.AsArray());
        Assert.Empty((await world.Admin.DataAsync(Upsert, new { opportunities = new[] { Opportunity("O-1", 1, "Proposal") } }))["upsertOpportunities"]!["errors"]!.AsArray());

        const string Page = "query($stage: String, $owner: ID) { opportunities(first: 10, stage: $stage, ownerParticipantId: $owner) { totalCount nodes { externalId stage amount { amount currency } owner { name } stageHistory { fromStage toStage } } } }";
        var all = (await world.Admin.DataAsync(Page))["opportunities"]!;
        Assert.Equal(2, (int)all["totalCount"]!);
        var o1 = all["nodes"]!.AsArray().Single(n => (string)n!["externalId"]! == "O-1")!;
        Assert.Equal(["->Qualify", "Qualify->Proposal"], o1["stageHistory"]!.AsArray().Select(h => $"{(string?)h!["fromStage"]}->{(string)h["toStage"]!}"));
        Assert.Equal(("5000.00", "EUR", "Rep 01"), ((string)o1["amount"]!["amount"]!, (string)o1["amount"]!["currency"]!, (string)o1["owner"]!["name"]!));

        Assert.Equal(["O-2"], (await world.Admin.DataAsync(Page, new { stage = "Qualify" }))["opportunities"]!["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!));
        Assert.Equal(["O-1"], (await world.Admin.DataAsync(Page, new { owner = world.Rep(1) }))["opportunities"]!["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!));

        var manager = fixture.Api.ClientFor(world.Org.TenantId, "manager");
        manager.DefaultRequestHeaders.Add("X-Test-Participant", world.Org.ManagerId.ToString());
        Assert.Equal(2, (int)(await manager.DataAsync(Page))["opportunities"]!["totalCount"]!);
        var rep1 = fixture.Api.ClientFor(world.Org.TenantId, "rep");
        rep1.DefaultRequestHeaders.Add("X-Test-Participant", world.Org.RepIds[0].ToString());
        Assert.Equal(["O-1"], (await rep1.DataAsync(Page))["opportunities"]!["nodes"]!.AsArray().Select(n => (string)n!["externalId"]!));
    }
}
