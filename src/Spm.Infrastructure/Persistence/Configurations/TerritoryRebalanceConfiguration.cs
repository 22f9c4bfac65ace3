using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Domain.Territories;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class TerritoryRebalanceConfiguration : IEntityTypeConfiguration<TerritoryRebalance>
{
    public void Configure(EntityTypeBuilder<TerritoryRebalance> builder)
    {
        builder.ToTable("territory_rebalance_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.OptionsJson).HasColumnName("options").HasColumnType("jsonb");
        builder.Property(p => p.MovesJson).HasColumnName("moves").HasColumnType("jsonb");
        builder.Property(p => p.BalanceJson).HasColumnName("balance").HasColumnType("jsonb");
        builder.Property(p => p.Fingerprint).HasMaxLength(64);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Territory>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.TenantId, p.ParentId });
    }
}
