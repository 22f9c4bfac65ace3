using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Approvals;
using Spm.Domain.Contests;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class CompPlanConfiguration : IEntityTypeConfiguration<StoredCompPlan>
{
    public void Configure(EntityTypeBuilder<StoredCompPlan> builder)
    {
        builder.ToTable("comp_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }
}

internal sealed class CompPlanVersionConfiguration : IEntityTypeConfiguration<StoredCompPlanVersion>
{
    public void Configure(EntityTypeBuilder<StoredCompPlanVersion> builder)
    {
        builder.ToTable("comp_plan_versions", t =>
        {
            t.HasCheckConstraint("ck_comp_plan_versions_dates", "effective_to IS NULL OR effective_to >= effective_from");
            t.HasCheckConstraint("ck_comp_plan_versions_version", "version >= 1");
        });
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Document).HasColumnType("jsonb");
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredCompPlan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.PlanId, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.TenantId, v.PlanId, v.EffectiveFrom });
    }
}

internal sealed class CompPlanAssignmentConfiguration : IEntityTypeConfiguration<StoredCompPlanAssignment>
{
    public void Configure(EntityTypeBuilder<StoredCompPlanAssignment> builder)
    {
        builder.ToTable("comp_plan_assignments", t =>
        {
            t.HasCheckConstraint("ck_comp_plan_assignments_dates", "effective_to IS NULL OR effective_to >= effective_from");
            t.HasCheckConstraint("ck_comp_plan_assignments_amounts", "on_target_earnings >= 0 AND target_incentive >= 0");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OnTargetEarnings).HasPrecision(20, 4);
        builder.Property(a => a.TargetIncentive).HasPrecision(20, 4);
        builder.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredCompPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.ParticipantId, a.EffectiveFrom });
        builder.HasIndex(a => a.PlanId);
    }
}

internal sealed class CalculationRunConfiguration : IEntityTypeConfiguration<CalculationRun>
{
    public void Configure(EntityTypeBuilder<CalculationRun> builder)
    {
        builder.ToTable("calculation_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Scope).HasColumnType("uuid[]");
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.RequestedBy).HasMaxLength(200);
        builder.Property(r => r.LeaseOwner).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Period>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredCompPlanVersion>().WithMany().HasForeignKey(r => r.WhatIfVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TenantId, r.PeriodId, r.CreatedAt });
        builder.HasIndex(r => r.Status);
    }
}

// Results carry no foreign keys except to their run: a run of 10,000 participants writes its lines by binary
// COPY, and a per-row RI trigger to participants would cost more than the rest of the write.
internal sealed class CalculationResultConfiguration : IEntityTypeConfiguration<CalculationResult>
{
    public void Configure(EntityTypeBuilder<CalculationResult> builder)
    {
        builder.ToTable("calculation_results");
        builder.HasKey(r => new { r.RunId, r.ParticipantId });
        builder.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(r => r.Credited).HasPrecision(20, 4);
        builder.Property(r => r.Quota).HasPrecision(20, 4);
        builder.Property(r => r.Attainment).HasPrecision(20, 8);
        builder.Property(r => r.Earnings).HasPrecision(20, 4);
        builder.Property(r => r.DrawPaid).HasPrecision(20, 4);
        builder.Property(r => r.DrawRecovered).HasPrecision(20, 4);
        builder.Property(r => r.Payout).HasPrecision(20, 4);
        builder.Property(r => r.DrawBalanceBefore).HasPrecision(20, 4);
        builder.Property(r => r.DrawBalanceCarried).HasPrecision(20, 4);
        builder.HasOne<CalculationRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TenantId, r.ParticipantId });
    }
}

internal sealed class CalculationLineConfiguration : IEntityTypeConfiguration<CalculationLine>
{
    public void Configure(EntityTypeBuilder<CalculationLine> builder)
    {
        builder.ToTable("calculation_lines");
        builder.HasKey(l => new { l.RunId, l.ParticipantId, l.LineNo });
        builder.Property(l => l.Kind).HasMaxLength(32);
        builder.Property(l => l.ComponentId).HasMaxLength(100);
        builder.Property(l => l.ComponentName).HasMaxLength(200);
        builder.Property(l => l.Rule).HasMaxLength(500);
        builder.Property(l => l.Basis).HasPrecision(24, 8);
        builder.Property(l => l.Rate).HasPrecision(20, 8);
        builder.Property(l => l.Amount).HasPrecision(20, 4);
        builder.Property(l => l.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(l => l.CreditIds).HasColumnType("uuid[]");
        builder.Property(l => l.SaleIds).HasColumnType("uuid[]");
        builder.Property(l => l.SourceBasis).HasColumnType("numeric[]");
        builder.HasOne<CalculationRun>().WithMany().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompAdjustmentConfiguration : IEntityTypeConfiguration<CompAdjustment>
{
    public void Configure(EntityTypeBuilder<CompAdjustment> builder)
    {
        builder.ToTable("comp_adjustments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Amount).HasPrecision(20, 4);
        builder.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Period>().WithMany().HasForeignKey(a => a.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Period>().WithMany().HasForeignKey(a => a.OriginPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.PeriodId, a.ParticipantId });
        builder.HasOne<Contest>().WithMany().HasForeignKey(a => a.ContestId).OnDelete(DeleteBehavior.Restrict);
        // Ending a contest pays each prize once, whatever retries or second nodes do.
        builder.HasIndex(a => new { a.TenantId, a.ContestId, a.ContestPlace, a.ParticipantId }).IsUnique().HasFilter("contest_id IS NOT NULL").HasDatabaseName("ux_comp_adjustments_contest_prize");
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.ToTable("comp_disputes", t =>
            // On a statement line (run + line) or on a credit, never neither.
            t.HasCheckConstraint("ck_comp_disputes_subject", "(run_id IS NOT NULL AND line_no IS NOT NULL) OR credit_id IS NOT NULL"));
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Description).HasMaxLength(4000);
        builder.Property(d => d.Resolution).HasMaxLength(4000);
        builder.Property(d => d.OpenedBy).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Period>().WithMany().HasForeignKey(d => d.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CalculationRun>().WithMany().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CompAdjustment>().WithMany().HasForeignKey(d => d.AdjustmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.TenantId, d.Status, d.OpenedAt });
        builder.HasIndex(d => new { d.TenantId, d.ParticipantId });
    }
}

internal sealed class PayoutBatchConfiguration : IEntityTypeConfiguration<PayoutBatch>
{
    public void Configure(EntityTypeBuilder<PayoutBatch> builder)
    {
        builder.ToTable("payout_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.CreatedBy).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Period>().WithMany().HasForeignKey(b => b.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CalculationRun>().WithMany().HasForeignKey(b => b.RunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApprovalRecord>().WithMany().HasForeignKey(b => b.ApprovalRequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(b => new { b.TenantId, b.PeriodId });
        // A period is locked at most once: the lock is what every later recalculation is refused by.
        builder.HasIndex(b => new { b.TenantId, b.PeriodId }).IsUnique().HasFilter("status = 'Locked'").HasDatabaseName("ux_payout_batches_locked_period");
    }
}

internal sealed class PayoutLineConfiguration : IEntityTypeConfiguration<PayoutLine>
{
    public void Configure(EntityTypeBuilder<PayoutLine> builder)
    {
        builder.ToTable("payout_lines");
        builder.HasKey(l => new { l.BatchId, l.ParticipantId });
        builder.Property(l => l.Amount).HasPrecision(20, 4);
        builder.Property(l => l.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasOne<PayoutBatch>().WithMany().HasForeignKey(l => l.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(l => l.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
