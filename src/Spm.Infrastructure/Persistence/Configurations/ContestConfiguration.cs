using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spm.Domain.Contests;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Persistence.Configurations;

internal sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> builder)
    {
        builder.ToTable("contests", t =>
        {
            t.HasCheckConstraint("ck_contests_window", "ends_at > starts_at");
            t.HasCheckConstraint("ck_contests_goal", "goal IS NULL OR goal > 0");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.Property(c => c.Title).HasMaxLength(Contest.MaxTitleLength);
        builder.Property(c => c.Format).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Metric).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Goal).HasColumnType("numeric(20,4)");
        builder.Ignore(c => c.ParticipantIds);
        builder.Ignore(c => c.TeamIds);
        builder.Ignore(c => c.Pairs);
        builder.Ignore(c => c.Prizes);
        builder.Ignore(c => c.CashPrizes);
        builder.Ignore(c => c.PrizePlaces);
        builder.Ignore(c => c.Baselines);
        builder.Ignore(c => c.RanksTeams);
        builder.Property<Guid[]>("participantIds").HasColumnName("participant_ids");
        builder.Property<Guid[]>("teamIds").HasColumnName("team_ids");
        builder.Property<Guid[]>("pairIds").HasColumnName("pair_ids");
        builder.Property<string[]>("prizes").HasColumnName("prizes");
        builder.Property<int[]>("cashPlaces").HasColumnName("cash_prize_places");
        builder.Property<decimal[]>("cashAmounts").HasColumnName("cash_prize_amounts").HasColumnType("numeric(20,4)[]");
        builder.Property<string[]>("cashCurrencies").HasColumnName("cash_prize_currencies");
        builder.Property<Guid[]>("baselineSubjects").HasColumnName("baseline_subjects");
        builder.Property<decimal[]>("baselineScores").HasColumnName("baseline_scores").HasColumnType("numeric(20,4)[]");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.ScopeTeamId).OnDelete(DeleteBehavior.Restrict);
        // Displays and the API name contests by key; the scheduler looks for due contests across tenants.
        builder.HasIndex(c => new { c.TenantId, c.Key }).IsUnique();
        builder.HasIndex(c => new { c.Status, c.StartsAt });
        builder.HasIndex(c => new { c.Status, c.EndsAt });
    }
}
