using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Live.Leaderboards;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class OutboxCursorConfiguration : IEntityTypeConfiguration<OutboxCursor>
{
    public void Configure(EntityTypeBuilder<OutboxCursor> builder)
    {
        builder.ToTable("outbox_cursors");
        builder.HasKey(c => c.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeaderboardDefinitionConfiguration : IEntityTypeConfiguration<LeaderboardDefinition>
{
    public void Configure(EntityTypeBuilder<LeaderboardDefinition> builder)
    {
        builder.ToTable("leaderboards");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Key).HasMaxLength(LeaderboardDefinition.MaxKeyLength);
        builder.Property(b => b.Title).HasMaxLength(LeaderboardDefinition.MaxTitleLength);
        builder.Property(b => b.MetricsJson).HasColumnName("metrics").HasColumnType("jsonb");
        builder.Property(b => b.Window).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Subject).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(b => b.Metrics);
        builder.Ignore(b => b.IsAttainment);
        // Screens are paired with keys, so a key names one board per tenant.
        builder.HasIndex(b => new { b.TenantId, b.Key }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
