using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants", t => t.HasCheckConstraint("ck_tenants_fiscal_year_start_month", "fiscal_year_start_month BETWEEN 1 AND 12"));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Slug).HasMaxLength(64);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.TimeZone).HasMaxLength(64);
        builder.Property(t => t.ReportingCurrency).HasMaxLength(3).IsFixedLength();
        builder.Ignore(t => t.Calendar);
    }
}
