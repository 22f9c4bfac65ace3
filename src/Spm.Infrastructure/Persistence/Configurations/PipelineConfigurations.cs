using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Activities;
using Spm.Infrastructure.Outbox;
using Spm.Infrastructure.Pipeline;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Source).HasMaxLength(64);
        builder.Property(a => a.ExternalId).HasMaxLength(200);
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.Property(a => a.Outcome).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.Source, a.ExternalId }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.ParticipantId, a.OccurredAt });
    }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("opportunities", t => t.HasCheckConstraint("ck_opportunities_probability", "probability >= 0 AND probability <= 100"));
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Source).HasMaxLength(64);
        builder.Property(o => o.ExternalId).HasMaxLength(200);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Stage).HasMaxLength(64);
        builder.Property(o => o.Amount).HasColumnType("numeric(20,4)");
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Probability).HasColumnType("numeric(5,2)");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(o => o.OwnerParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.TenantId, o.Source, o.ExternalId }).IsUnique();
        builder.HasIndex(o => new { o.TenantId, o.OwnerParticipantId });
    }
}

internal sealed class OpportunityStageChangeConfiguration : IEntityTypeConfiguration<OpportunityStageChange>
{
    public void Configure(EntityTypeBuilder<OpportunityStageChange> builder)
    {
        builder.ToTable("opportunity_stage_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.FromStage).HasMaxLength(64);
        builder.Property(h => h.ToStage).HasMaxLength(64);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(h => h.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.TenantId, h.OpportunityId, h.ChangedAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(m => m.Id);
        // The id is the insert order only; Position (set at commit by a trigger) is the order consumers resume from.
        builder.Property(m => m.Id).UseIdentityByDefaultColumn();
        builder.Property(m => m.Type).HasMaxLength(64);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
        builder.HasIndex(m => new { m.TenantId, m.Id });
        builder.HasIndex(m => new { m.TenantId, m.Position }).IsUnique();
    }
}
