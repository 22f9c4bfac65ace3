using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Approvals;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class ApprovalRecordConfiguration : IEntityTypeConfiguration<ApprovalRecord>
{
    public void Configure(EntityTypeBuilder<ApprovalRecord> builder)
    {
        builder.ToTable("approval_requests", t => t.HasCheckConstraint("ck_approval_requests_step", "current_step >= 0"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.SubjectKind).HasMaxLength(64);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RejectionComment).HasMaxLength(2000);
        builder.Ignore(a => a.CurrentApprover);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.SubjectKind, a.SubjectId });
        builder.HasIndex(a => new { a.TenantId, a.State, a.Id });
        builder.OwnsMany(a => a.Steps, s =>
        {
            s.ToTable("approval_steps");
            s.WithOwner().HasForeignKey("ApprovalRequestId");
            s.HasKey("ApprovalRequestId", nameof(ApprovalStepRecord.Step));
            // Positions come from the chain, never from the database (EF would otherwise make an int key an identity).
            s.Property(x => x.Step).ValueGeneratedNever();
            s.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
            s.Property(x => x.Comment).HasMaxLength(2000);
            // Approvers are participants; one who leaves keeps their place in history.
            s.HasOne<Participant>().WithMany().HasForeignKey(x => x.ApproverId).OnDelete(DeleteBehavior.Restrict);
            s.HasIndex(x => x.ApproverId);
        });
        builder.OwnsMany(a => a.Events, e =>
        {
            e.ToTable("approval_events");
            e.WithOwner().HasForeignKey("ApprovalRequestId");
            e.HasKey("ApprovalRequestId", nameof(ApprovalEventRecord.Sequence));
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Comment).HasMaxLength(2000);
        });
        builder.Navigation(a => a.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
