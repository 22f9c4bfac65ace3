using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Live;

namespace Spm.Api.Features.Live;

/// <summary>GraphQL shape of <see cref="LeaderboardSnapshot"/>, the payload of <c>leaderboardChanged</c> (same fields as the hub's).</summary>
public sealed class LeaderboardSnapshotGraphType : ObjectGraphType<LeaderboardSnapshot>
{
    public LeaderboardSnapshotGraphType()
    {
        Name = "LeaderboardSnapshot";
        Description = "A leaderboard as a screen shows it: the top entries of its current window, the number of entrants, and the entries that moved since the previous push.";
        Field<NonNullGraphType<StringGraphType>>("boardKey").Description("The board's key.").Resolve(c => c.Source.BoardKey);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The board's title.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("windowLabel").Description("The current window as people say it, e.g. `November 2026` or `Q3 FY2027`.").Resolve(c => c.Source.WindowLabel);
        Field<NonNullGraphType<CalendarDateGraphType>>("windowStart").Description("First day of the window, in the tenant's time zone.").Resolve(c => c.Source.WindowStart);
        Field<NonNullGraphType<CalendarDateGraphType>>("windowEnd").Description("Last day of the window, in the tenant's time zone.").Resolve(c => c.Source.WindowEnd);
        Field<NonNullGraphType<IntGraphType>>("entrants").Description("How many subjects have a score in the window.").Resolve(c => c.Source.Entrants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderboardSnapshotEntryGraphType>>>>("top").Description("The top entries by dense rank (ties share a rank).").Resolve(c => c.Source.Top);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderboardSnapshotEntryGraphType>>>>("changed")
            .Description("Entries of `top` whose rank or score moved since the previous push (empty in the first snapshot after subscribing).").Resolve(c => c.Source.Changed);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("asOf").Description("When the snapshot was read.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<BooleanGraphType>>("degraded").Description("True when Redis was unavailable and the snapshot was computed from PostgreSQL.").Resolve(c => c.Source.Degraded);
    }
}

/// <summary>GraphQL shape of <see cref="LeaderboardEntry"/>.</summary>
public sealed class LeaderboardSnapshotEntryGraphType : ObjectGraphType<LeaderboardEntry>
{
    public LeaderboardSnapshotEntryGraphType()
    {
        Name = "LeaderboardSnapshotEntry";
        Description = "One row of a pushed leaderboard snapshot (subject ids are plain UUIDs, as on the hub).";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("Dense rank: ties share a rank and the next rank follows without a gap.").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("UUID of the participant or team (as on the hub).").Resolve(c => c.Source.SubjectId);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Name to show.").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<DecimalStringGraphType>>("score").Description("The score on the board's metric.").Resolve(c => c.Source.Score);
        Field<IntGraphType>("previousRank").Description("Rank in the previous snapshot; null when new on the board.").Resolve(c => c.Source.PreviousRank);
    }
}
