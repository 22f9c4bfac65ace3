using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
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

        // OpenIddict's tables live here so a token, its client and the tenant rows share one
        // database and one transaction. Registered in the model (not only in the options) so the
        // host, the commands and the design-time factory can never disagree about it.
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");

        SnakeCaseNames.Apply(modelBuilder);
    }

    private void ApplyTenantFilter<T>(ModelBuilder modelBuilder)
        where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        modelBuilder.Entity<T>().HasQueryFilter(filter);
    }
}
