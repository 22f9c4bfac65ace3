using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Sales;

namespace Spm.Api.Tests.Activities;

public sealed class ActivityTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Log = "mutation($activities: [ActivityInput!]!) { logActivities(input: { activities: $activities }) { logged duplicates errors { code field } } }";

    [Fact]
    public async Task Activities_are_idempotent_by_external_id_and_emit_one_event_each()
    {
        var world = await SalesWorld.CreateAsync(fixture, withRates: false);
        object Call(string id) => new { source = "crm", externalId = id, kind = "CALL", participantId = world.Rep(1), occurredAt = "2026-03-02T10:15:00Z", outcome = "connected" };
        var first = await world.Admin.DataAsync(Log, new { activities = new[] { Call("A-1"), Call("A-2") } });
        Assert.Equal((2, 0), ((int)first["logActivities"]!["logged"]!, (int)first["logActivities"]!["duplicates"]!));
        var again = await world.Admin.DataAsync(Log, new { activities = new[] { Call("A-2"), Call("A-3") } });
        Assert.Equal((1, 1), ((int)again["logActivities"]!["logged"]!, (int)again["logActivities"]!["duplicates"]!));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(3, await db.Activities.CountAsync());
        Assert.Equal(3, await db.Outbox.CountAsync(o => o.Type == "activity.logged"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.Zero), (await db.Activities.FirstAsync()).OccurredAt);
    }

    [Fact]
    public async Task A_bad_row_names_index_and_field_and_nothing_is_logged()
    {
        var world = await SalesWorld.CreateAsync(fixture, withRates: false);
        var result = await world.Admin.DataAsync(Log, new
        {
            activities = new object[]
            {
                new { source = "crm", externalId = "B-1", kind = "DEMO", participantId = world.Rep(1), occurredAt = "2026-03-02T10:15:00Z" },
                new { source = "crm", externalId = "B-2", kind = "VISIT", participantId = Guid.NewGuid().ToString(), occurredAt = "2026-03-02T10:15:00Z" },
            },
        });
        var error = result["logActivities"]!["errors"]!.AsArray().Single()!;
        Assert.Equal("PARTICIPANT_UNKNOWN", (string)error["code"]!);
        Assert.Equal(["input", "activities", "1", "participantId"], error["field"]!.AsArray().Select(f => (string)f!));
        await using var db = fixture.CreateContext(world.Org.TenantId);
        Assert.Equal(0, await db.Activities.CountAsync());
    }
}
