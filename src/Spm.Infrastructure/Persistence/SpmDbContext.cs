using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Tenancy;

namespace Spm.Infrastructure.Persistence;

/// <summary>
/// The system of record. Every tenant-owned entity is filtered by the caller's tenant through a
/// global query filter, so a forgotten WHERE can never leak another tenant's rows; code that
/// must cross tenants (seeding, migrations) says so with IgnoreQueryFilters().
/// </summary>
public sealed class SpmDbContext(DbContextOptions<SpmDbContext> options, ITenantContext tenantContext) : DbContext(options)
{
    private static readonly MethodInfo ApplyTenantFilterMethod =
        typeof(SpmDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Period> Periods => Set<Period>();

    /// <summary>Read by the query filters at execution time (EF parameterises it per query).</summary>
    public Guid? CurrentTenantId => tenantContext.TenantId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SpmDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType))
            {
                ApplyTenantFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [modelBuilder]);
            }
        }

        SnakeCaseNames.Apply(modelBuilder);
    }

    private void ApplyTenantFilter<T>(ModelBuilder modelBuilder)
        where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        modelBuilder.Entity<T>().HasQueryFilter(filter);
    }
}
