using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Spm.Domain.Access;
using Spm.Domain.Accounts;
using Spm.Domain.Approvals;
using Spm.Domain.Audit;
using Spm.Domain.Contests;
using Spm.Domain.Currency;
using Spm.Domain.Organisation;
using Spm.Domain.Planning;
using Spm.Domain.Quotas;
using Spm.Domain.Territories;
using Spm.Infrastructure.Activities;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Outbox;
using Spm.Infrastructure.PersistedDocuments;
using Spm.Infrastructure.Pipeline;
using Spm.Infrastructure.Sales;
using Spm.Infrastructure.Tenancy;

namespace Spm.Infrastructure.Persistence;

/// <summary>
/// The system of record. Every tenant-owned entity is filtered by the caller's tenant through a
/// global query filter, so a forgotten WHERE can never leak another tenant's rows; code that
/// must cross tenants (seeding, migrations) says so with IgnoreQueryFilters().
/// </summary>
public sealed class SpmDbContext(DbContextOptions<SpmDbContext> options, ITenantContext tenantContext) : IdentityDbContext<SpmUser, IdentityRole<Guid>, Guid>(options)
{
    private static readonly MethodInfo ApplyTenantFilterMethod =
        typeof(SpmDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Period> Periods => Set<Period>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<Display> Displays => Set<Display>();

    public DbSet<StoredSale> Sales => Set<StoredSale>();

    public DbSet<StoredSaleRevision> SaleRevisions => Set<StoredSaleRevision>();

    public DbSet<StoredCredit> Credits => Set<StoredCredit>();

    public DbSet<StoredCreditingRule> CreditingRules => Set<StoredCreditingRule>();

    public DbSet<FxRate> FxRates => Set<FxRate>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<OpportunityStageChange> OpportunityStageHistory => Set<OpportunityStageChange>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>The GraphQL allow-list; not tenant-owned (global rows have no tenant), so readers filter explicitly.</summary>
    public DbSet<PersistedDocument> PersistedDocuments => Set<PersistedDocument>();

    public DbSet<SalesPlan> SalesPlans => Set<SalesPlan>();

    public DbSet<Quota> Quotas => Set<Quota>();

    public DbSet<QuotaChange> QuotaChanges => Set<QuotaChange>();

    public DbSet<ApprovalRecord> ApprovalRequests => Set<ApprovalRecord>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Territory> Territories => Set<Territory>();

    public DbSet<TerritoryOverride> TerritoryOverrides => Set<TerritoryOverride>();

    public DbSet<TerritoryParticipant> TerritoryAssignments => Set<TerritoryParticipant>();

    public DbSet<TerritoryRebalance> TerritoryRebalances => Set<TerritoryRebalance>();

    public DbSet<TerritoryRevision> TerritoryRevisions => Set<TerritoryRevision>();

    public DbSet<StoredAttainment> Attainment => Set<StoredAttainment>();

    public DbSet<PeriodLock> PeriodLocks => Set<PeriodLock>();

    public DbSet<CreditingRevision> CreditingRevisions => Set<CreditingRevision>();

    public DbSet<StoredCompPlan> CompPlans => Set<StoredCompPlan>();

    public DbSet<StoredCompPlanVersion> CompPlanVersions => Set<StoredCompPlanVersion>();

    public DbSet<StoredCompPlanAssignment> CompPlanAssignments => Set<StoredCompPlanAssignment>();

    public DbSet<CalculationRun> CalculationRuns => Set<CalculationRun>();

    public DbSet<CalculationResult> CalculationResults => Set<CalculationResult>();

    public DbSet<CalculationLine> CalculationLines => Set<CalculationLine>();

    public DbSet<CompAdjustment> CompAdjustments => Set<CompAdjustment>();

    public DbSet<Dispute> Disputes => Set<Dispute>();

    public DbSet<PayoutBatch> PayoutBatches => Set<PayoutBatch>();

    public DbSet<PayoutLine> PayoutLines => Set<PayoutLine>();

    public DbSet<Contest> Contests => Set<Contest>();

    public DbSet<ContestResult> ContestResults => Set<ContestResult>();

    /// <summary>Read by the query filters at execution time (EF parameterises it per query).</summary>
    public Guid? CurrentTenantId => tenantContext.TenantId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // ASP.NET Core Identity's users and their satellites, under readable snake_case names.
        base.OnModelCreating(builder);
        builder.Entity<SpmUser>().ToTable("identity_users");
        builder.Entity<SpmUser>().Property(u => u.Role).HasMaxLength(32);
        builder.Entity<SpmUser>().HasIndex(u => u.TenantId);
        builder.Entity<SpmUser>().HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<SpmUser>().HasOne<Participant>().WithMany().HasForeignKey(u => u.ParticipantId).OnDelete(DeleteBehavior.SetNull);
        builder.Entity<IdentityRole<Guid>>().ToTable("identity_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("identity_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("identity_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("identity_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("identity_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("identity_role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(SpmDbContext).Assembly);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType))
            {
                ApplyTenantFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
            }
        }

        // OpenIddict's tables live here so a token, its client and the tenant rows share one
        // database and one transaction. Registered in the model (not only in the options) so the
        // host, the commands and the design-time factory can never disagree about it.
        builder.UseOpenIddict();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");

        SnakeCaseNames.Apply(builder);
    }

    private void ApplyTenantFilter<T>(ModelBuilder modelBuilder)
        where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        modelBuilder.Entity<T>().HasQueryFilter(filter);
    }
}
