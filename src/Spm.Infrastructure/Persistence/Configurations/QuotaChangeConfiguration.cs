using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Domain.Quotas;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class QuotaChangeConfiguration : IEntityTypeConfiguration<QuotaChange>
{
    public void Configure(EntityTypeBuilder<QuotaChange> builder)
    {
        builder.ToTable("quota_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.Property(c => c.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.OldStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.NewStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.OldAmount).HasPrecision(20, 4);
        builder.Property(c => c.NewAmount).HasPrecision(20, 4);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Quota>().WithMany().HasForeignKey(c => c.QuotaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.QuotaId, c.At, c.Id });
    }
}
