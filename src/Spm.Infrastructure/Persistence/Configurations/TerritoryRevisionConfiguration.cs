using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Domain.Territories;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class TerritoryRevisionConfiguration : IEntityTypeConfiguration<TerritoryRevision>
{
    public void Configure(EntityTypeBuilder<TerritoryRevision> builder)
    {
        // Written only by the triggers in TerritoryRevisionTriggerSql.
        builder.ToTable("territory_revisions");
        builder.HasKey(r => r.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
