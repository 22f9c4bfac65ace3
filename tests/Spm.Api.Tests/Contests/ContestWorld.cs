using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Sales;
using Spm.Domain.Contests;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Outbox;
using StackExchange.Redis;

namespace Spm.Api.Tests.Contests;

/// <summary>
/// A sales world (Mona manages Rep 01..03; direct, split and roll-up rules) plus contests written straight to the
/// database (the API refuses contests in the past, and these tests run in March 2026), and the contest services on a
/// clock the test moves. The app's own outbox dispatcher runs too and feeds the app's contest keys; these services use
/// keys of their own (another prefix), so a test decides exactly which batches reach them.
/// </summary>
public sealed class ContestWorld(DatabaseFixture fixture, SalesWorld sales)
{
    private readonly ContestStore store = new(
        fixture.Api.Services.GetRequiredService<IConnectionMultiplexer>(),
        new ContestKeys($"{fixture.Api.RedisKeyPrefix}isolated:{Guid.NewGuid():N}:"),
        TimeProvider.System);

    public static readonly DateTimeOffset Created = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset MarchStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AprilStart = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public SalesWorld Sales => sales;

    public Guid TenantId => sales.Org.TenantId;

    public ManualClock Clock { get; } = new(Created);

    public RecordingNotifier Notifier { get; } = new();

    public ContestProjection Projection => new(fixture.Api.Services.GetRequiredService<ContestDatabase>(), store);

    public ContestReader Reader => new(fixture.Api.Services.GetRequiredService<ContestDatabase>(), store, fixture.Api.Services.GetRequiredService<ContestSqlScores>(), Clock, NullLogger<ContestReader>.Instance);

    public ContestStore Store => store;

    /// <summary>Outbox rows already handed to the projection, so each test applies only new ones.</summary>
    public long AppliedUpTo { get; private set; }

    public static async Task<ContestWorld> CreateAsync(DatabaseFixture fixture) => new(fixture, await SalesWorld.CreateAsync(fixture, withRates: false));

    public Guid Rep(int n) => sales.Org.RepIds[n - 1];

    /// <summary>A lifecycle on <see cref="Clock"/> that reports to <see cref="Notifier"/> (a second one plays a second node).</summary>
    public ContestLifecycle Lifecycle(bool appKeys = false)
    {
        var services = fixture.Api.Services;
        var database = services.GetRequiredService<ContestDatabase>();
        var sql = services.GetRequiredService<ContestSqlScores>();
        var target = appKeys ? services.GetRequiredService<ContestStore>() : store;
        var reader = new ContestReader(database, target, sql, Clock, NullLogger<ContestReader>.Instance);
        return new ContestLifecycle(database, target, reader, sql, Clock, [Notifier], NullLogger<ContestLifecycle>.Instance);
    }

    public async Task<Contest> AddContestAsync(ContestDefinition definition)
    {
        var contest = new Contest(Guid.CreateVersion7(), TenantId, definition, Created);
        await using var db = fixture.CreateContext(TenantId);
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        return contest;
    }

    public async Task<Contest> ReloadAsync(Guid id)
    {
        await using var db = fixture.CreateContext(TenantId);
        return await db.Contests.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public static ContestDefinition March(string key, ContestFormat format = ContestFormat.TopN, LiveMetric metric = LiveMetric.CreditedRevenue) => new(
        key, $"Contest {key}", format, metric, MarchStart, AprilStart, Goal: null, BaselineStart: null, BaselineEnd: null,
        ContestScope.Company, ScopeTeamId: null, ParticipantIds: [], TeamIds: [], Pairs: [], Prizes: ["Trip", "Dinner"], Hidden: false);

    /// <summary>Records EUR sales owned by rep <c>n</c> through the API (sale + credits + outbox, the real path).</summary>
    public async Task SellAsync(params (string ExternalId, string Amount, int Rep, string CloseDate)[] deals)
    {
        var result = await SalesWorld.RecordAsync(sales.Admin, [.. deals.Select(d => SalesWorld.Sale(d.ExternalId, d.Amount, sales.Rep(d.Rep), closeDate: d.CloseDate))]);
        Assert.Empty(result["errors"]!.AsArray());
    }

    /// <summary>The outbox rows written since the last call, decoded as the dispatcher hands them over.</summary>
    public async Task<IReadOnlyList<OutboxEnvelope>> NewEnvelopesAsync()
    {
        await using var db = fixture.CreateContext(TenantId);
        var rows = await db.Outbox.Where(o => o.Position > AppliedUpTo).OrderBy(o => o.Position).ToListAsync();
        AppliedUpTo = rows.Count > 0 ? rows[^1].Position!.Value : AppliedUpTo;
        return [.. rows.Select(r => new OutboxEnvelope(r.Position!.Value, r.TenantId, (IOutboxEvent)JsonSerializer.Deserialize(r.Payload, EventCatalog.Types[r.Type], OutboxWriter.Json)!))];
    }

    public async Task<IReadOnlyList<ContestStanding>> StandingsAsync(Contest contest)
    {
        await using var db = fixture.CreateContext(TenantId);
        return await Reader.StandingsAsync(db, await ReloadAsync(contest.Id), CancellationToken.None);
    }

    public static (int Rank, string Name, decimal Score)[] Table(IEnumerable<ContestStanding> standings) =>
        [.. standings.Select(s => (s.Rank, s.DisplayName, s.Score))];
}
