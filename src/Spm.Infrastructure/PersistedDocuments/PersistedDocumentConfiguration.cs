using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.PersistedDocuments;

internal sealed class PersistedDocumentConfiguration : IEntityTypeConfiguration<PersistedDocument>
{
    public void Configure(EntityTypeBuilder<PersistedDocument> builder)
    {
        builder.ToTable("persisted_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DocumentId).HasMaxLength(71);
        builder.Property(d => d.RegisteredBy).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        // A text is registered once per scope: once globally, once per tenant. NULLS NOT DISTINCT
        // makes two global rows of one text a conflict too (PostgreSQL 15).
        builder.HasIndex(d => new { d.DocumentId, d.TenantId }).IsUnique().AreNullsDistinct(false);
        // The admin listing pages a tenant's (and the global) documents newest first.
        builder.HasIndex(d => new { d.TenantId, d.RegisteredAt, d.Id });
    }
}
