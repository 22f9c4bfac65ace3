using System.Net;
using System.Net.Http.Json;
using Snapshooter.Xunit;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Infrastructure.Seeding;

namespace Spm.Api.Tests.Organisation;

public sealed class OrganisationGraphQLTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_representative_query_over_the_demo_organisation_matches_the_snapshot()
    {
        var tenantId = await SeedDemoAsync();
        var data = await fixture.Api.ClientFor(tenantId, "admin").DataAsync("""
            {
              tenant { name slug timeZone reportingCurrency fiscalYearStartMonth }
              participants(first: 3) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage }
                edges { node { id name email role status hireDate payCurrency manager { name role } team { name parent { name } } } }
              }
              teams { name manager { name } parent { name } children { name } }
              periods(fiscalYear: 2027) { name kind number startDate endDate parent { name } }
            }
            """);
        // Parsed so the snapshot file is indented JSON a reviewer can read.
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(data.ToJsonString()));
    }

    [Fact]
    public async Task Paging_with_cursors_returns_every_participant_once_in_name_order()
    {
        var tenantId = await SeedDemoAsync();
        var client = fixture.Api.ClientFor(tenantId, "admin");
        var names = new List<string>();
        string? after = null;
        int pages = 0, total = 0;
        do
        {
            var page = (await client.DataAsync(
                "query($after: String) { participants(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name id } } }",
                new { after }))["participants"]!;
            total = page["totalCount"]!.GetValue<int>();
            names.AddRange(page["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(68, total);
        Assert.Equal(68, names.Count);
        Assert.Equal(3, pages); // 25 + 25 + 18
        Assert.Equal(names.Order(StringComparer.Ordinal).ToList(), names);
    }

    [Fact]
    public async Task Team_filter_search_and_node_round_trip()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 3);
        var client = fixture.Api.ClientFor(org.TenantId, "admin");
        var teamId = GlobalId.Encode("Team", org.TeamId);

        var inTeam = await client.DataAsync("query($t: ID) { participants(first: 10, teamId: $t) { totalCount } }", new { t = teamId });
        Assert.Equal(4, inTeam["participants"]!["totalCount"]!.GetValue<int>());

        var search = await client.DataAsync("""{ participants(first: 10, search: "rep 0") { nodes { name } } }""");
        Assert.Equal(["Rep 01", "Rep 02", "Rep 03"], search["participants"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

        var noWildcards = await client.DataAsync("""{ participants(first: 10, search: "%") { totalCount } }""");
        Assert.Equal(0, noWildcards["participants"]!["totalCount"]!.GetValue<int>());

        var repId = GlobalId.Encode("Participant", org.RepIds[1]);
        var node = await client.DataAsync("query($id: ID!) { node(id: $id) { id ... on Participant { name manager { name } } } }", new { id = repId });
        Assert.Equal(repId, node["node"]!["id"]!.GetValue<string>());
        Assert.Equal("Rep 02", node["node"]!["name"]!.GetValue<string>());
        Assert.Equal("Mona Manager", node["node"]!["manager"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_tenants_ids_resolve_to_nothing()
    {
        var mine = await TestData.CreateTenantAsync(fixture, reps: 1);
        var theirs = await TestData.CreateTenantAsync(fixture, reps: 1);
        var client = fixture.Api.ClientFor(mine.TenantId, "admin");
        var foreignRep = GlobalId.Encode("Participant", theirs.RepIds[0]);
        var foreignTenant = GlobalId.Encode("Tenant", theirs.TenantId);

        var data = await client.DataAsync(
            "query($p: ID!, $t: ID!) { participant(id: $p) { name } node(id: $p) { id } tenantNode: node(id: $t) { id } nodes(ids: [$p, $t]) { id } }",
            new { p = foreignRep, t = foreignTenant });

        Assert.Null(data["participant"]);
        Assert.Null(data["node"]);
        Assert.Null(data["tenantNode"]);
        Assert.Equal(2, data["nodes"]!.AsArray().Count);
        Assert.All(data["nodes"]!.AsArray(), n => Assert.Null(n));
        var count = await client.DataAsync("{ participants(first: 100) { totalCount } }");
        Assert.Equal(2, count["participants"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Page_size_outside_1_to_100_is_an_error_naming_the_argument(int first)
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var response = await fixture.Api.ClientFor(org.TenantId, "admin").QueryAsync("query($f: Int!) { participants(first: $f) { totalCount } }", new { f = first });
        var error = response["errors"]![0]!;
        Assert.Equal("INVALID_ARGUMENT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("`first` must be between 1 and 100", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nested_managers_and_teams_are_batch_loaded_so_query_count_does_not_grow_with_page_size()
    {
        var tenantId = await SeedDemoAsync();
        var client = fixture.Api.ClientFor(tenantId, "admin");
        const string Query = "query($n: Int!) { participants(first: $n) { nodes { name manager { name team { name } } team { name manager { name } } } } }";

        fixture.Api.Commands.Reset();
        await client.DataAsync(Query, new { n = 5 });
        var small = fixture.Api.Commands.Count;
        fixture.Api.Commands.Reset();
        await client.DataAsync(Query, new { n = 60 });
        var large = fixture.Api.Commands.Count;

        // count + page, then at most one batch per loader and nesting level; a bigger page can
        // only hit the loaders' per-request cache more, never add queries.
        Assert.True(large <= small, $"{large} commands for 60 rows but {small} for 5");
        Assert.InRange(large, 3, 7);
    }

    [Fact]
    public async Task TotalCount_costs_one_count_query_and_only_when_selected()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 2);
        var client = fixture.Api.ClientFor(org.TenantId, "admin");

        fixture.Api.Commands.Reset();
        await client.DataAsync("{ participants(first: 10) { nodes { name } } }");
        var withoutTotal = fixture.Api.Commands.Count;
        fixture.Api.Commands.Reset();
        var data = await client.DataAsync("{ participants(first: 10) { totalCount nodes { name } } }");
        var withTotal = fixture.Api.Commands.Count;

        Assert.Equal(3, data["participants"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(withoutTotal + 1, withTotal);
    }

    [Fact]
    public async Task Periods_of_a_february_fiscal_year_are_named_after_the_year_they_end()
    {
        var tenantId = await SeedDemoAsync();
        var data = await fixture.Api.ClientFor(tenantId, "admin").DataAsync("{ periods(fiscalYear: 2027) { name kind startDate endDate } }");
        var periods = data["periods"]!.AsArray();
        Assert.Equal(17, periods.Count);
        Assert.Equal("FY2027", periods[0]!["name"]!.GetValue<string>());
        Assert.Equal("2026-02-01", periods[0]!["startDate"]!.GetValue<string>());
        Assert.Equal("2027-01-31", periods[0]!["endDate"]!.GetValue<string>());
        Assert.Equal("FY2027-Q1", periods[1]!["name"]!.GetValue<string>());
        Assert.Equal("FY2027-M01", periods[2]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_anonymous_request_is_refused_with_401()
    {
        var response = await fixture.Api.CreateClient().PostAsJsonAsync("/graphql", new { query = "{ tenant { name } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<Guid> SeedDemoAsync()
    {
        await using var db = fixture.CreateContext(null);
        return await new DemoTenantSeeder(db, Clock).SeedAsync(default);
    }
}
