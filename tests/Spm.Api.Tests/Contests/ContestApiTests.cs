using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Access;

namespace Spm.Api.Tests.Contests;

public sealed class ContestApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Create = """
        mutation($input: CreateContestInput!) { createContest(input: $input) {
          contest { id key title format metric status startsAt endsAt goal prizes hidden pairs { first second } standings { rank displayName score } }
          errors { code field } } }
        """;

    private static object Race(string key, bool hidden = false, string startsAt = "2031-03-01T00:00:00Z") => new
    {
        key,
        title = "First to ten deals",
        format = "RACE_TO_GOAL",
        metric = "DEALS_WON",
        startsAt,
        endsAt = "2031-04-01T00:00:00Z",
        goal = "10",
        prizes = new[] { "Weekend away", "Dinner" },
        hidden,
    };

    [Fact]
    public async Task An_admin_creates_a_scheduled_contest_everyone_in_scope_starts_at_zero_and_it_is_audited()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 2);
        using var admin = fixture.Api.ClientFor(org.TenantId, "admin");

        var created = (await admin.DataAsync(Create, new { input = Race("ten-deals") }))["createContest"]!;

        Assert.Empty(created["errors"]!.AsArray());
        var contest = created["contest"]!;
        Assert.Equal(("ten-deals", "RACE_TO_GOAL", "DEALS_WON", "SCHEDULED", "10"), ((string)contest["key"]!, (string)contest["format"]!, (string)contest["metric"]!, (string)contest["status"]!, (string)contest["goal"]!));
        Assert.Equal(["Weekend away", "Dinner"], contest["prizes"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["1:Rep 01:0", "1:Rep 02:0"], contest["standings"]!.AsArray().Select(s => $"{s!["rank"]}:{s["displayName"]}:{s["score"]}"));
        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "contest.create"));
    }

    [Fact]
    public async Task Invalid_input_names_the_field_and_writes_nothing()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 2);
        using var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        var rep = GlobalId.Encode("Participant", org.RepIds[0]);

        async Task<string> ErrorAsync(object input)
        {
            var payload = (await admin.DataAsync(Create, new { input }))["createContest"]!;
            Assert.Null(payload["contest"]);
            var error = Assert.Single(payload["errors"]!.AsArray())!;
            return $"{error["code"]} {string.Join('.', error["field"]!.AsArray().Select(f => (string)f!))}";
        }

        Assert.Equal("END_BEFORE_START input.endsAt", await ErrorAsync(new { key = "a1", title = "A", format = "TOP_N", metric = "DEALS_WON", startsAt = "2031-03-01T00:00:00Z", endsAt = "2031-03-01T00:00:00Z" }));
        Assert.Equal("GOAL_REQUIRED input.goal", await ErrorAsync(new { key = "a2", title = "A", format = "RACE_TO_GOAL", metric = "DEALS_WON", startsAt = "2031-03-01T00:00:00Z", endsAt = "2031-04-01T00:00:00Z" }));
        Assert.Equal("PAIR_INVALID input.pairs.0", await ErrorAsync(new { key = "a3", title = "A", format = "HEAD_TO_HEAD", metric = "DEALS_WON", startsAt = "2031-03-01T00:00:00Z", endsAt = "2031-04-01T00:00:00Z", pairs = new[] { new { first = rep, second = rep } } }));
        Assert.Equal("NOT_FOUND input.teamIds.1", await ErrorAsync(new { key = "a4", title = "A", format = "TEAM_VS_TEAM", metric = "DEALS_WON", startsAt = "2031-03-01T00:00:00Z", endsAt = "2031-04-01T00:00:00Z", teamIds = new[] { GlobalId.Encode("Team", org.TeamId), GlobalId.Encode("Team", Guid.NewGuid()) } }));
        Assert.Equal("KEY_INVALID input.key", await ErrorAsync(new { key = "Not A Slug", title = "A", format = "TOP_N", metric = "DEALS_WON", startsAt = "2031-03-01T00:00:00Z", endsAt = "2031-04-01T00:00:00Z" }));
        Assert.Empty((await admin.DataAsync(Create, new { input = Race("taken") }))["createContest"]!["errors"]!.AsArray());
        Assert.Equal("KEY_TAKEN input.key", await ErrorAsync(Race("taken")));

        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(1, await db.Contests.CountAsync());
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "contest.create"));
    }

    [Fact]
    public async Task A_scheduled_contest_can_be_edited_then_cancelled_and_a_cancelled_one_cannot_be_cancelled_again()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 2);
        using var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        var id = (string)(await admin.DataAsync(Create, new { input = Race("edit-me") }))["createContest"]!["contest"]!["id"]!;

        var updated = (await admin.DataAsync(
            "mutation($id: ID!) { updateContest(input: { id: $id, title: \"First to twelve\", goal: \"12\" }) { contest { title goal format } errors { code } } }", new { id }))["updateContest"]!;
        Assert.Equal(("First to twelve", "12", "RACE_TO_GOAL"), ((string)updated["contest"]!["title"]!, (string)updated["contest"]!["goal"]!, (string)updated["contest"]!["format"]!));

        const string Cancel = "mutation($id: ID!) { cancelContest(input: { id: $id }) { contest { status standings { rank } } errors { code field } } }";
        var cancelled = (await admin.DataAsync(Cancel, new { id }))["cancelContest"]!;
        Assert.Equal("CANCELLED", (string)cancelled["contest"]!["status"]!);
        Assert.Empty(cancelled["contest"]!["standings"]!.AsArray());

        var again = (await admin.DataAsync(Cancel, new { id }))["cancelContest"]!;
        Assert.Equal("CONTEST_CLOSED", (string)again["errors"]![0]!["code"]!);
        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(["contest.cancel", "contest.create", "contest.update"], (await db.AuditLog.Select(a => a.Action).ToListAsync()).Order());
    }

    [Fact]
    public async Task Hidden_contests_are_for_admins_and_a_display_sees_only_its_boards()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        using var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        foreach (var input in new[] { Race("on-screen"), Race("elsewhere"), Race("dry-run", hidden: true) })
        {
            Assert.Empty((await admin.DataAsync(Create, new { input }))["createContest"]!["errors"]!.AsArray());
        }

        var display = new Display(Guid.CreateVersion7(), org.TenantId, "Sales floor", ["on-screen", "dry-run"], "admin", DateTimeOffset.UtcNow, $"auth-{Guid.NewGuid():N}");
        await using (var db = fixture.CreateContext(org.TenantId))
        {
            db.Displays.Add(display);
            await db.SaveChangesAsync();
        }

        using var rep = fixture.Api.ClientFor(org.TenantId, "rep");
        using var screen = fixture.Api.ClientFor(org.TenantId, "display");
        screen.DefaultRequestHeaders.Add("X-Test-Display", display.Id.ToString());

        static async Task<string[]> KeysAsync(HttpClient client) =>
            [.. (await client.DataAsync("{ contests(first: 100) { nodes { key } } }"))["contests"]!["nodes"]!.AsArray().Select(c => (string)c!["key"]!).Order()];

        Assert.Equal(["dry-run", "elsewhere", "on-screen"], await KeysAsync(admin));
        Assert.Equal(["elsewhere", "on-screen"], await KeysAsync(rep));
        Assert.Equal(["on-screen"], await KeysAsync(screen));
        Assert.Null((await screen.DataAsync("{ contest(key: \"elsewhere\") { key } }"))["contest"]);
        Assert.Null((await rep.DataAsync("{ contest(key: \"dry-run\") { key } }"))["contest"]);
        Assert.Equal("dry-run", (string)(await admin.DataAsync("{ contest(key: \"dry-run\") { key } }"))["contest"]!["key"]!);
    }

    [Fact]
    public async Task Contests_page_by_start_newest_first_and_count_only_what_the_caller_sees()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        using var admin = fixture.Api.ClientFor(org.TenantId, "admin");
        // Two share a start, so the id breaks the tie; the hidden one is for admins only.
        foreach (var input in new[]
        {
            Race("march", startsAt: "2031-03-01T00:00:00Z"), Race("march-b", startsAt: "2031-03-01T00:00:00Z"),
            Race("february", startsAt: "2031-02-01T00:00:00Z"), Race("march-10", startsAt: "2031-03-10T00:00:00Z"),
            Race("dry-run", hidden: true, startsAt: "2031-03-20T00:00:00Z"),
        })
        {
            Assert.Empty((await admin.DataAsync(Create, new { input }))["createContest"]!["errors"]!.AsArray());
        }

        const string Page = "query ($after: String) { contests(first: 2, after: $after) { totalCount nodes { key } pageInfo { hasNextPage endCursor } } }";
        using var rep = fixture.Api.ClientFor(org.TenantId, "rep");
        var keys = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await rep.DataAsync(Page, new { after }))["contests"]!;
            Assert.Equal(4, (int)page["totalCount"]!);
            keys.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["key"]!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string)page["pageInfo"]!["endCursor"]! : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(2, pages);
        Assert.Equal("march-10", keys[0]);
        Assert.Equal(["march", "march-b"], keys[1..3].Order());
        Assert.Equal("february", keys[3]);
        var admins = (await admin.DataAsync("{ contests(first: 1) { totalCount nodes { key } } }"))["contests"]!;
        Assert.Equal(5, (int)admins["totalCount"]!);
        Assert.Equal("dry-run", (string)admins["nodes"]![0]!["key"]!);
        var bad = await admin.QueryAsync("{ contests(first: 1, after: \"bm90IGEgY3Vyc29y\") { totalCount } }");
        Assert.Equal("INVALID_ARGUMENT", (string)bad["errors"]![0]!["extensions"]!["code"]!);
        // Well formed, but its instant lies past DateTimeOffset.MaxValue: refused, not an internal error.
        var outOfRange = await admin.QueryAsync("query ($after: String) { contests(first: 1, after: $after) { totalCount } }", new { after = Spm.Api.Features.Relay.Cursor.Encode("9000000000000000000", Guid.Empty) });
        Assert.Equal("INVALID_ARGUMENT", (string)outOfRange["errors"]![0]!["extensions"]!["code"]!);
    }
}
