using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Approvals;
using Spm.Domain.Organisation;
using Spm.Domain.Planning;
using Spm.Domain.Quotas;
using Spm.Domain.Territories;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> builder)
    {
        builder.ToTable("quotas", t =>
        {
            t.HasCheckConstraint("ck_quotas_amount", "amount >= 0");
            // Exactly the subject column its kind names is set.
            t.HasCheckConstraint(
                "ck_quotas_subject",
                "(subject_kind = 'Participant' AND participant_id IS NOT NULL AND team_id IS NULL AND territory_id IS NULL) OR "
                + "(subject_kind = 'Team' AND team_id IS NOT NULL AND participant_id IS NULL AND territory_id IS NULL) OR "
                + "(subject_kind = 'Territory' AND territory_id IS NOT NULL AND participant_id IS NULL AND team_id IS NULL)");
            t.HasCheckConstraint("ck_quotas_currency", "(type = 'Revenue') = (currency IS NOT NULL)");
        });
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.SubjectKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Amount).HasPrecision(20, 4);
        builder.Property(q => q.RampPercentage).HasPrecision(9, 6);
        builder.Property(q => q.Currency).HasMaxLength(3).IsFixedLength();
        builder.Ignore(q => q.SubjectId);
        builder.Ignore(q => q.Unit);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(q => q.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SalesPlan>().WithMany().HasForeignKey(q => q.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Period>().WithMany().HasForeignKey(q => q.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(q => q.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(q => q.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Territory>().WithMany().HasForeignKey(q => q.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApprovalRecord>().WithMany().HasForeignKey(q => q.ApprovalRequestId).OnDelete(DeleteBehavior.SetNull);
        // One quota per subject, period, type and overlay flag; NULLS NOT DISTINCT so the two empty subject columns compare equal.
        builder.HasIndex(q => new { q.TenantId, q.PeriodId, q.Type, q.ParticipantId, q.TeamId, q.TerritoryId, q.IsOverlay })
            .IsUnique().AreNullsDistinct(false);
        builder.HasIndex(q => new { q.TenantId, q.ParticipantId, q.PeriodId });
        builder.HasIndex(q => new { q.TenantId, q.TeamId, q.PeriodId });
        builder.HasIndex(q => new { q.TenantId, q.TerritoryId, q.PeriodId });
        builder.HasIndex(q => q.ApprovalRequestId);
        builder.HasIndex(q => q.PlanId);
    }
}
