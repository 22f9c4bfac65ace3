using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("participants", t => t.HasCheckConstraint("ck_participants_termination_after_hire", "termination_date IS NULL OR termination_date >= hire_date"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.PayCurrency).HasMaxLength(3).IsFixedLength();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.TenantId, p.Email }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.TeamId, p.Name });
        builder.HasIndex(p => new { p.TenantId, p.ManagerId });
        builder.HasIndex(p => new { p.TenantId, p.Name, p.Id });
    }
}
