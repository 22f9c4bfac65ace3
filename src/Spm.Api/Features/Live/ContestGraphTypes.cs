using GraphQL.Types;
using Spm.Api.Features.Contests;
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
