using Microsoft.EntityFrameworkCore;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Seeding;

/// <summary>
/// Seeds one contest running this month for the demo tenant (key <see cref="Key"/>, suffixed with the month so each
/// month gets its own): top three by credited revenue, company-wide, with prizes. It is created SCHEDULED from the
/// first of the month; the scheduler starts it at once and counts what the month already holds. Idempotent.
/// </summary>
public sealed class DemoContestSeeder(SpmDbContext db, TimeProvider clock)
{
    public const string Key = "monthly-cup";

    public async Task SeedAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var zoneName = await db.Tenants.IgnoreQueryFilters().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var z) ? z : TimeZoneInfo.Utc;
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var monthStart = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var key = $"{Key}-{local:yyyy-MM}";
        if (await db.Contests.IgnoreQueryFilters().AnyAsync(c => c.TenantId == tenantId && c.Key == key, cancellationToken))
        {
            return;
        }

        // Npgsql writes timestamptz from UTC offsets only.
        var startsAt = new DateTimeOffset(monthStart, zone.GetUtcOffset(monthStart)).ToUniversalTime();
        var next = monthStart.AddMonths(1);
        var endsAt = new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();
        var definition = new ContestDefinition(
            key, $"{local:MMMM} Revenue Cup", ContestFormat.TopN, LiveMetric.CreditedRevenue, startsAt, endsAt,
            Goal: null, BaselineStart: null, BaselineEnd: null, ContestScope.Company, ScopeTeamId: null,
            ParticipantIds: [], TeamIds: [], Pairs: [], Prizes: ["Weekend in Lisbon for two", "Noise-cancelling headphones", "Team lunch on us"], Hidden: false);
        db.Contests.Add(new Contest(Guid.CreateVersion7(now), tenantId, definition, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
