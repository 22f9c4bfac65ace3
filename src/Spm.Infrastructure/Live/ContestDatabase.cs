using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Infrastructure.Live;

/// <summary>
/// Contexts for the contest services, which run outside requests (dispatcher, scheduler) and so name the tenant
/// themselves; the tenant query filters still apply.
/// </summary>
public sealed class ContestDatabase(NpgsqlDataSource dataSource)
{
    private readonly DbContextOptions<SpmDbContext> options = new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(dataSource).Options;

    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>A context acting as <paramref name="tenantId"/> (null: across tenants, for the scheduler's scan).</summary>
    public SpmDbContext For(Guid? tenantId) => new(options, new FixedTenantContext(tenantId));

    /// <summary>The tenant's time zone, which decides what business date an instant falls on.</summary>
    public static async Task<(string Name, TimeZoneInfo Zone)> ZoneAsync(SpmDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleOrDefaultAsync(cancellationToken) ?? "UTC";
        return (name, TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc);
    }
}
