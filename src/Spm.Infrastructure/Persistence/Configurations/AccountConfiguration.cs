using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Accounts;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts", t =>
        {
            t.HasCheckConstraint("ck_accounts_non_negative", "employee_count >= 0 AND annual_revenue >= 0 AND potential >= 0");
            t.HasCheckConstraint("ck_accounts_coordinates", "(latitude IS NULL) = (longitude IS NULL)");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ExternalId).HasMaxLength(AccountData.MaxExternalIdLength);
        builder.Property(a => a.Name).HasMaxLength(AccountData.MaxTextLength);
        builder.Property(a => a.Country).HasMaxLength(AccountData.MaxTextLength);
        builder.Property(a => a.Region).HasMaxLength(AccountData.MaxTextLength);
        builder.Property(a => a.County).HasMaxLength(AccountData.MaxTextLength);
        builder.Property(a => a.City).HasMaxLength(AccountData.MaxTextLength);
        builder.Property(a => a.PostalCode).HasMaxLength(AccountData.MaxTextLength);
        builder.Property(a => a.Industry).HasMaxLength(AccountData.MaxTextLength);
        builder.Property(a => a.AnnualRevenue).HasPrecision(20, 2);
        builder.Property(a => a.Potential).HasPrecision(20, 2);
        builder.Property(a => a.Latitude).HasPrecision(9, 6);
        builder.Property(a => a.Longitude).HasPrecision(9, 6);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.OwnerParticipantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.TenantId, a.ExternalId }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.Name, a.Id });
        builder.HasIndex(a => a.OwnerParticipantId);
    }
}
