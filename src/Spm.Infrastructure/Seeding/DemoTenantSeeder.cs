using Microsoft.EntityFrameworkCore;
using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Seeding;

/// <summary>
/// Seeds "Acme Robotics", a believable sales organisation: a VP of sales, five regional
/// managers with twelve reps each, a sales-operations lead and a finance partner, and the
/// fiscal calendar for the current and previous year. A fixed seed makes names, hire dates
/// and ids the same on every machine; an existing demo tenant is left untouched.
/// </summary>
public sealed class DemoTenantSeeder(SpmDbContext db, TimeProvider clock)
{
    public const string Slug = "acme";
    public const int Seed = 20_261_122;

    // Ids are v7 with timestamps from this fixed instant, one millisecond apart.
    private static readonly DateTimeOffset IdEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Regions = ["North America East", "North America West", "EMEA", "APAC", "LATAM"];
    private static readonly string[] RegionCurrencies = ["USD", "USD", "EUR", "AUD", "BRL"];

    private static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam", "Maya", "Nikhil",
        "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno",
        "Carmen", "Dmitri", "Emma", "Felix", "Gita", "Hugo", "Isla", "Jamal", "Keiko", "Lucas", "Mira", "Noah",
    ];

    private static readonly string[] LastNames =
    [
        "Okafor", "Lindqvist", "Moreau", "Garcia", "Novak", "Haddad", "Kim", "Tanaka", "Costa", "Weber", "Ivanova", "Murphy",
        "Patel", "Rossi", "Silva", "Nguyen", "Schmidt", "Dubois", "Kowalski", "Andersen", "Mensah", "Fischer", "Ortiz", "Chen",
        "Yamamoto", "Brennan", "Fontaine", "Horvat", "Larsen", "Reyes",
    ];

    private long idCounter;

    public const int RepsPerRegion = 12;

    /// <summary>Creates the demo tenant unless it exists, then its plans and quotas unless they exist. Returns its id.</summary>
    public async Task<Guid> SeedAsync(CancellationToken cancellationToken)
    {
        var tenantId = await SeedOrganisationAsync(cancellationToken);
        await new DemoPlansSeeder(db).SeedAsync(tenantId, cancellationToken);
        await new DemoContestSeeder(db, clock).SeedAsync(tenantId, cancellationToken);
        await new DemoLiveSeeder(db, clock).SeedAsync(tenantId, cancellationToken);
        return tenantId;
    }

    private async Task<Guid> SeedOrganisationAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Tenants.IgnoreQueryFilters().Where(t => t.Slug == Slug).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            await new DemoTerritoriesSeeder(db).SeedAsync(id, cancellationToken);
            return id;
        }

        // Teams point at their managers and managers at their teams: insert both without the
        // team managers first, then link them, all in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var random = new Random(Seed);
        var managed = new List<(Team Team, Guid ManagerId)>();
        var tenant = new Tenant(NextId(random), "Acme Robotics", Slug, "America/New_York", "USD", fiscalYearStartMonth: 2);
        db.Tenants.Add(tenant);

        var root = new Team(NextId(random), tenant.Id, "Global Sales", null, null);
        var vp = NewPerson(random, tenant.Id, ParticipantRole.Executive, "USD", new DateOnly(2019, 3, 4));
        managed.Add((root, vp.Id));
        vp.JoinTeam(root.Id);
        db.AddRange(root, vp);

        var ops = NewPerson(random, tenant.Id, ParticipantRole.SalesOperations, "USD", new DateOnly(2020, 6, 1));
        var finance = NewPerson(random, tenant.Id, ParticipantRole.Finance, "USD", new DateOnly(2021, 1, 11));
        ops.ReportTo(vp.Id, _ => null);
        finance.ReportTo(vp.Id, _ => null);
        ops.JoinTeam(root.Id);
        finance.JoinTeam(root.Id);
        db.AddRange(ops, finance);

        for (var r = 0; r < Regions.Length; r++)
        {
            var team = new Team(NextId(random), tenant.Id, Regions[r], root.Id, null);
            var manager = NewPerson(random, tenant.Id, ParticipantRole.Manager, RegionCurrencies[r], RandomDate(random, 2019, 2023));
            manager.ReportTo(vp.Id, _ => null);
            manager.JoinTeam(team.Id);
            managed.Add((team, manager.Id));
            db.AddRange(team, manager);
            for (var i = 0; i < RepsPerRegion; i++)
            {
                // A few recent hires per region, so ramp and capacity have something to show.
                var hired = i < 2 ? RandomDate(random, 2026, 2026) : RandomDate(random, 2020, 2025);
                var rep = NewPerson(random, tenant.Id, ParticipantRole.Rep, RegionCurrencies[r], hired);
                rep.ReportTo(manager.Id, _ => null);
                rep.JoinTeam(team.Id);
                db.Add(rep);
            }
        }

        var calendar = tenant.Calendar;
        var currentYear = calendar.FiscalYearOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        foreach (var fiscalYear in new[] { currentYear - 1, currentYear })
        {
            db.Periods.AddRange(Period.Generate(tenant.Id, calendar, fiscalYear, () => NextId(random)));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (team, managerId) in managed)
        {
            team.SetManager(managerId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await new DemoTerritoriesSeeder(db).SeedAsync(tenant.Id, cancellationToken);
        return tenant.Id;
    }

    private readonly HashSet<string> usedEmails = new(StringComparer.Ordinal);

    private Participant NewPerson(Random random, Guid tenantId, ParticipantRole role, string currency, DateOnly hired)
    {
        string first, last, email;
        do
        {
            first = FirstNames[random.Next(FirstNames.Length)];
            last = LastNames[random.Next(LastNames.Length)];
            email = $"{first}.{last}@acme.example".ToLowerInvariant();
        }
        while (!usedEmails.Add(email));

        return new Participant(NextId(random), tenantId, $"{first} {last}", email, role, hired, currency);
    }

    private static DateOnly RandomDate(Random random, int fromYear, int toYear)
    {
        var start = new DateOnly(fromYear, 1, 1).DayNumber;
        var end = new DateOnly(toYear, 10, 31).DayNumber;
        return DateOnly.FromDayNumber(random.Next(start, end + 1));
    }

    private Guid NextId(Random random) => GuidV7.Create(IdEpoch.ToUnixTimeMilliseconds() + idCounter++, random);
}
