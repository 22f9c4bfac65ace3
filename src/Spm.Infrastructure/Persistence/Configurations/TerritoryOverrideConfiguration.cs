using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Accounts;
using Spm.Domain.Organisation;
using Spm.Domain.Territories;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class TerritoryOverrideConfiguration : IEntityTypeConfiguration<TerritoryOverride>
{
    public void Configure(EntityTypeBuilder<TerritoryOverride> builder)
    {
        builder.ToTable("territory_overrides");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Territory>().WithMany().HasForeignKey(o => o.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.TenantId, o.AccountId, o.TerritoryId }).IsUnique();
        // The engine allows one include per account: a second one would make the owner ambiguous.
        builder.HasIndex(o => new { o.TenantId, o.AccountId }).IsUnique().HasFilter("kind = 'Include'").HasDatabaseName("ix_territory_overrides_one_include_per_account");
        builder.HasIndex(o => o.TerritoryId);
    }
}
