using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Currency;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Persistence.Configurations;

// The ledger tables (sales, sale_revisions, credits) carry no foreign keys on purpose: the bulk path writes a
// million sales and four million credits by binary COPY, and a per-row RI trigger would cost more than the
// rest of the load. Only SalesLedger writes them, inside one transaction, with ids it just created or read.
internal sealed class StoredSaleConfiguration : IEntityTypeConfiguration<StoredSale>
{
    public void Configure(EntityTypeBuilder<StoredSale> builder)
    {
        builder.ToTable("sales");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Source).HasMaxLength(64);
        builder.Property(s => s.ExternalId).HasMaxLength(200);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.Property(s => s.Amount).HasColumnType("numeric(20,4)");
        builder.Property(s => s.ReportingAmount).HasColumnType("numeric(20,4)");
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.ReportingCurrency).HasMaxLength(3);
        builder.Property(s => s.Product).HasMaxLength(100);
        builder.Property(s => s.Segment).HasMaxLength(100);
        // Idempotency: one sale per (tenant, source, external id), whatever the writers do.
        builder.HasIndex(s => new { s.TenantId, s.Source, s.ExternalId }).IsUnique();
    }
}

internal sealed class StoredSaleRevisionConfiguration : IEntityTypeConfiguration<StoredSaleRevision>
{
    public void Configure(EntityTypeBuilder<StoredSaleRevision> builder)
    {
        builder.ToTable("sale_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Amount).HasColumnType("numeric(20,4)");
        builder.Property(r => r.ReportingAmount).HasColumnType("numeric(20,4)");
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Product).HasMaxLength(100);
        builder.Property(r => r.Segment).HasMaxLength(100);
        builder.Property(r => r.CoSellers).HasColumnType("jsonb");
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.Channel).HasMaxLength(64);
        builder.HasIndex(r => new { r.SaleId, r.Number }).IsUnique();
    }
}

internal sealed class StoredCreditConfiguration : IEntityTypeConfiguration<StoredCredit>
{
    public void Configure(EntityTypeBuilder<StoredCredit> builder)
    {
        builder.ToTable("credits");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Type).HasMaxLength(16);
        builder.Property(c => c.AdjustedType).HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.Amount).HasColumnType("numeric(20,4)");
        builder.Property(c => c.ReportingAmount).HasColumnType("numeric(20,4)");
        builder.Property(c => c.PayAmount).HasColumnType("numeric(20,4)");
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.ReportingCurrency).HasMaxLength(3);
        builder.Property(c => c.PayCurrency).HasMaxLength(3);
        // A sale's credits (detail, reversal) and a participant's credits by date (attainment, visibility).
        builder.HasIndex(c => new { c.TenantId, c.SaleId });
        builder.HasIndex(c => new { c.TenantId, c.ParticipantId, c.PostingDate });
        // A territory's credits behind its attainment; partial, so the bulk COPY maintains it only for territory rows.
        builder.HasIndex(c => new { c.TenantId, c.TerritoryId, c.PostingDate }).HasFilter("territory_id IS NOT NULL");
    }
}

internal sealed class StoredCreditingRuleConfiguration : IEntityTypeConfiguration<StoredCreditingRule>
{
    public void Configure(EntityTypeBuilder<StoredCreditingRule> builder)
    {
        builder.ToTable("crediting_rules", t => t.HasCheckConstraint("ck_crediting_rules_dates", "effective_to IS NULL OR effective_to >= effective_from"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Config).HasColumnType("jsonb");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TenantId, r.Order });
    }
}

internal sealed class FxRateConfiguration : IEntityTypeConfiguration<FxRate>
{
    public void Configure(EntityTypeBuilder<FxRate> builder)
    {
        // The domain record is mapped as it is: its constructor validates what is read back as well.
        builder.ToTable("fx_rates", t => t.HasCheckConstraint("ck_fx_rates_positive", "rate > 0"));
        builder.HasKey(r => new { r.TenantId, r.FromCurrency, r.ToCurrency, r.EffectiveFrom });
        builder.Property(r => r.FromCurrency).HasMaxLength(3);
        builder.Property(r => r.ToCurrency).HasMaxLength(3);
        builder.Property(r => r.Rate).HasColumnType("numeric(28,12)");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
