using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Contests;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class ContestResultConfiguration : IEntityTypeConfiguration<ContestResult>
{
    public void Configure(EntityTypeBuilder<ContestResult> builder)
    {
        builder.ToTable("contest_results");
        builder.HasKey(r => new { r.ContestId, r.SubjectId });
        builder.Property(r => r.DisplayName).HasMaxLength(200);
        builder.Property(r => r.Score).HasColumnType("numeric(20,4)");
        builder.Property(r => r.Prize).HasMaxLength(Contest.MaxPrizeLength);
        builder.HasOne<Contest>().WithMany().HasForeignKey(r => r.ContestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ContestId, r.Rank });
    }
}
