using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Infrastructure.Live;

namespace Spm.Api.Tests.Leaderboards;

/// <summary>
/// A tenant for leaderboard tests: Mona manages Rep 01..05 in Team One, direct + split + roll-up rules from
/// 2026-01-01; sales dated today (Europe/London), since boards always show the current window.
/// </summary>
public sealed record LeaderboardWorld(TestData.SmallTenant Org, HttpClient Admin, DatabaseFixture Fixture)
{
    public const string Standings = """
        query($key: String!) { leaderboard(key: $key) { key standings(top: 100) { entrants degraded windowLabel entries { rank previousRank movement subjectId name score } } } }
        """;

    public static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<LeaderboardWorld> CreateAsync(DatabaseFixture fixture, HttpClient? admin = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var org = await TestData.CreateTenantAsync(fixture, reps: 5);
        admin ??= fixture.Api.ClientFor(org.TenantId, "admin");
        var rules = await admin.DataAsync(
            """
            mutation { setCreditingRules(input: { rules: [
              { name: "owner", kind: DIRECT, order: 10, effectiveFrom: "2026-01-01" },
              { name: "co-sellers", kind: SPLIT, order: 20, effectiveFrom: "2026-01-01" },
              { name: "managers", kind: ROLLUP, order: 30, effectiveFrom: "2026-01-01" } ] }) { errors { code } } }
            """);
        Assert.Empty(rules["setCreditingRules"]!["errors"]!.AsArray());
        return new LeaderboardWorld(org, admin, fixture);
    }

    public string Rep(int n) => GlobalId.Encode("Participant", Org.RepIds[n - 1]);

    public async Task<JsonNode> CreateBoardAsync(string key, string metrics, string window = "FISCAL_YEAR", string extra = "")
    {
        var result = (await Admin.DataAsync($$"""mutation { createLeaderboard(input: { key: "{{key}}", title: "Board {{key}}", metrics: {{metrics}}, window: {{window}}, topSize: 100 {{extra}} }) { leaderboard { key } errors { code message field } } }"""))["createLeaderboard"]!;
        Assert.Empty(result["errors"]!.AsArray());
        return result;
    }

    public async Task RecordAsync(params object[] sales)
    {
        var result = (await Admin.DataAsync(
            "mutation($sales: [SaleInput!]!) { recordSales(input: { sales: $sales }) { errors { code message field } } }",
            new { sales }))["recordSales"]!;
        Assert.Empty(result["errors"]!.AsArray());
    }

    public static object Sale(string externalId, string amount, string owner, object[]? coSellers = null) =>
        new { source = "crm", externalId, amount, currency = "EUR", closeDate = Today, ownerParticipantId = owner, coSellers };

    public async Task<JsonNode> StandingsAsync(string key, HttpClient? client = null) =>
        (await (client ?? Admin).DataAsync(Standings, new { key }))["leaderboard"]!["standings"]!;

    /// <summary>Waits until the dispatcher's cursor has reached the tenant's newest outbox row (a bound, not a timing assertion).</summary>
    public async Task CaughtUpAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Fixture.CreateContext(Org.TenantId);
            var newest = await db.Outbox.Select(o => o.Position).MaxAsync() ?? 0;
            var cursor = await db.Set<OutboxCursor>().Where(c => c.TenantId == Org.TenantId).Select(c => c.LastId).FirstOrDefaultAsync();
            if (cursor >= newest)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The dispatcher did not catch up within 30 s.");
    }

    /// <summary>(subject id, rank, score) rows of a standings answer.</summary>
    public static List<(string Subject, int Rank, decimal Score)> Rows(JsonNode standings) =>
        [.. standings["entries"]!.AsArray().Select(e => ((string)e!["subjectId"]!, (int)e["rank"]!, decimal.Parse((string)e["score"]!, CultureInfo.InvariantCulture)))];

    /// <summary>Dense ranks of <paramref name="scores"/>, as (subject, rank, score) sorted by rank then subject.</summary>
    public static List<(string Subject, int Rank, decimal Score)> DenseRanks(IEnumerable<(string Subject, decimal Score)> scores)
    {
        var distinct = scores.Select(s => s.Score).Distinct().OrderDescending().ToList();
        return [.. scores.Select(s => (s.Subject, distinct.IndexOf(s.Score) + 1, s.Score)).OrderBy(r => r.Item2).ThenBy(r => r.Subject, StringComparer.Ordinal)];
    }

    public static List<(string Subject, int Rank, decimal Score)> Sorted(List<(string Subject, int Rank, decimal Score)> rows) =>
        [.. rows.OrderBy(r => r.Rank).ThenBy(r => r.Subject, StringComparer.Ordinal)];
}
