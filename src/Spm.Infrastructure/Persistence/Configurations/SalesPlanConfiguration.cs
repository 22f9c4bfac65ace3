using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Domain.Planning;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class SalesPlanConfiguration : IEntityTypeConfiguration<SalesPlan>
{
    public void Configure(EntityTypeBuilder<SalesPlan> builder)
    {
        builder.ToTable("sales_plans", t =>
        {
            t.HasCheckConstraint("ck_sales_plans_target", "revenue_target >= 0");
            t.HasCheckConstraint("ck_sales_plans_seasonality", "cardinality(seasonality_weights) = 12");
            t.HasCheckConstraint("ck_sales_plans_productivity", "productivity_per_ramped_rep_per_month > 0");
            t.HasCheckConstraint("ck_sales_plans_attrition", "annual_attrition_rate BETWEEN 0 AND 1");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.RevenueTarget).HasPrecision(20, 4);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ProductivityPerRampedRepPerMonth).HasPrecision(20, 4);
        builder.Property(p => p.AnnualAttritionRate).HasPrecision(9, 6);
        // Arrays are read and written whole; numeric[] keeps them exact.
        builder.Ignore(p => p.SeasonalityWeights);
        builder.Ignore(p => p.RampCurve);
        builder.Ignore(p => p.Assumptions);
        builder.Property<decimal[]>("seasonalityWeights").HasColumnType("numeric[]");
        builder.Property<decimal[]>("rampCurve").HasColumnType("numeric[]");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.TenantId, p.FiscalYear }).IsUnique();
        builder.OwnsMany(p => p.Targets, t =>
        {
            t.ToTable("sales_plan_targets");
            t.WithOwner().HasForeignKey("SalesPlanId");
            t.HasKey("SalesPlanId", nameof(SalesPlanTarget.PeriodId));
            t.Property(x => x.PeriodId).ValueGeneratedNever();
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.Amount).HasPrecision(20, 4);
            t.HasOne<Period>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Navigation(p => p.Targets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
