using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Domain.Territories;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> builder)
    {
        builder.ToTable("territories", t => t.HasCheckConstraint("ck_territories_dates", "effective_to IS NULL OR effective_to >= effective_from"));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(Territory.MaxNameLength);
        builder.Property(t => t.Level).HasMaxLength(Territory.MaxLevelLength);
        builder.Property(t => t.RuleMatch).HasConversion<string>().HasMaxLength(8);
        builder.Property(t => t.RulesJson).HasColumnName("rules").HasColumnType("jsonb");
        builder.Ignore(t => t.Rules);
        builder.Ignore(t => t.Rule);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Territory>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.TenantId, t.ParentId });
    }
}
