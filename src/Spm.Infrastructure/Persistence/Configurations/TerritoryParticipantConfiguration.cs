using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Domain.Territories;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class TerritoryParticipantConfiguration : IEntityTypeConfiguration<TerritoryParticipant>
{
    public void Configure(EntityTypeBuilder<TerritoryParticipant> builder)
    {
        // The overlap rule is also an exclusion constraint (ex_territory_assignments_no_overlap, in the migration).
        builder.ToTable("territory_assignments", t =>
        {
            t.HasCheckConstraint("ck_territory_assignments_split", "split_percent > 0 AND split_percent <= 100");
            t.HasCheckConstraint("ck_territory_assignments_dates", "effective_to IS NULL OR effective_to >= effective_from");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SplitPercent).HasPrecision(5, 2);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Territory>().WithMany().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.TerritoryId });
        builder.HasIndex(a => new { a.TenantId, a.ParticipantId });
    }
}
