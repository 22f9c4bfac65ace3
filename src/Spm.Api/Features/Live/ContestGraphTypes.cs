using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Live;

namespace Spm.Api.Features.Live;

/// <summary>GraphQL shape of <see cref="ContestSnapshot"/>, the payload of <c>contestChanged</c>.</summary>
public sealed class ContestSnapshotGraphType : ObjectGraphType<ContestSnapshot>
{
    public ContestSnapshotGraphType()
    {
        Name = "ContestSnapshot";
        Description = "A contest as a screen shows it: status, schedule (for the countdown), goal, prizes by place and standings.";
        Field<NonNullGraphType<StringGraphType>>("contestKey").Description("The contest's key.").Resolve(c => c.Source.ContestKey);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The contest's title.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("format").Description("How it is won, e.g. `TOP_N`, `RACE_TO_GOAL`, `TEAM_VS_TEAM`, `MOST_IMPROVED`, `HEAD_TO_HEAD`.").Resolve(c => c.Source.Format);
        Field<NonNullGraphType<ContestStatusGraphType>>("status").Description("Where the contest is in its life.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Description("When it starts.").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Description("When it ends.").Resolve(c => c.Source.EndsAt);
        Field<DecimalStringGraphType>("goal").Description("The goal of a race; null for other formats.").Resolve(c => c.Source.Goal);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("prizes").Description("Prize descriptions by place, first place first.").Resolve(c => c.Source.Prizes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContestStandingGraphType>>>>("standings").Description("The leading contestants by rank.").Resolve(c => c.Source.Standings);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("asOf").Description("When the snapshot was read.").Resolve(c => c.Source.AsOf);
    }
}

/// <summary>GraphQL shape of <see cref="ContestStanding"/>.</summary>
public sealed class ContestStandingGraphType : ObjectGraphType<ContestStanding>
{
    public ContestStandingGraphType()
    {
        Name = "ContestStanding";
        Description = "One contestant (a participant or a team) in a contest.";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("Dense rank.").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("UUID of the participant or team (as on the hub).").Resolve(c => c.Source.SubjectId);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Name to show.").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<DecimalStringGraphType>>("score").Description("The contestant's score.").Resolve(c => c.Source.Score);
        Field<DateTimeOffsetGraphType>("finishedAt").Description("When a race-to-goal contestant reached the goal; null otherwise.").Resolve(c => c.Source.FinishedAt);
        Field<IdGraphType>("opponentId").Description("UUID of the other side of a head-to-head pair; null in other formats.").Resolve(c => c.Source.OpponentId);
    }
}

/// <summary>GraphQL enum of <see cref="ContestStatus"/>.</summary>
public sealed class ContestStatusGraphType() : DescribedEnumGraphType<ContestStatus>(
    "ContestStatus",
    "Where a contest is in its life.",
    new Dictionary<ContestStatus, string>
    {
        [ContestStatus.Scheduled] = "Created; the start is in the future.",
        [ContestStatus.Running] = "Between start and end; scores move.",
        [ContestStatus.Ended] = "Ended; final standings frozen.",
        [ContestStatus.Cancelled] = "Called off before its end; no winners.",
    });
