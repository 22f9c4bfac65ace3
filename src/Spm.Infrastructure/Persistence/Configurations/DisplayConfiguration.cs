using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Access;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class DisplayConfiguration : IEntityTypeConfiguration<Display>
{
    public void Configure(EntityTypeBuilder<Display> builder)
    {
        builder.ToTable("displays");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Ignore(d => d.AllowedBoards);
        builder.Ignore(d => d.IsPaired);
        builder.Property<string[]>("boards").HasColumnName("allowed_boards");
        builder.Property(d => d.PairedBy).HasMaxLength(200);
        builder.Property(d => d.AuthorizationId).HasMaxLength(100);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        // Admins list a tenant's screens; the token endpoint finds one by its authorization.
        builder.HasIndex(d => new { d.TenantId, d.PairedAt, d.Id });
        builder.HasIndex(d => d.AuthorizationId).IsUnique();
    }
}
