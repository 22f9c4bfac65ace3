using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class StoredAttainmentConfiguration : IEntityTypeConfiguration<StoredAttainment>
{
    public void Configure(EntityTypeBuilder<StoredAttainment> builder)
    {
        // No foreign keys, like the ledger it projects: bulk batches upsert thousands of rows at once.
        builder.ToTable("attainment_totals");
        builder.HasKey(a => new { a.TenantId, a.Scope, a.ScopeId, a.PeriodId, a.QuotaType });
        builder.Property(a => a.Scope).HasMaxLength(16);
        builder.Property(a => a.QuotaType).HasMaxLength(16);
        builder.Property(a => a.Credited).HasColumnType("numeric(20,4)");
    }
}

internal sealed class PeriodLockConfiguration : IEntityTypeConfiguration<PeriodLock>
{
    public void Configure(EntityTypeBuilder<PeriodLock> builder)
    {
        builder.ToTable("period_locks");
        builder.HasKey(l => new { l.TenantId, l.PeriodId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Period>().WithMany().HasForeignKey(l => l.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CreditingRevisionConfiguration : IEntityTypeConfiguration<CreditingRevision>
{
    public void Configure(EntityTypeBuilder<CreditingRevision> builder)
    {
        // Written only by the triggers in CreditingRevisionTriggerSql.
        builder.ToTable("crediting_revisions");
        builder.HasKey(r => r.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
