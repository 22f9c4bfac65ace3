using GraphQL;
using GraphQL.Types;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;

namespace Spm.Api.Features.Contests;

/// <summary>A contest with its live or frozen standings.</summary>
public sealed class ContestGraphType : ObjectGraphType<Contest>
{
    public const string TypeName = "Contest";
    public const int MaxTop = 500;

    public ContestGraphType()
    {
        Name = TypeName;
        Description = "A sales contest: format, metric, schedule, contestants and the prize of each place. Its key is what a paired screen's allowed boards name.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("key").Description("Tenant-unique slug, e.g. `march-madness`; list it in a display's allowed boards to show the contest there.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title shown on screens.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<ContestFormatGraphType>>("format").Description("How winners are decided.").Resolve(c => c.Source.Format);
        Field<NonNullGraphType<ContestMetricGraphType>>("metric").Description("What contestants are ranked by.").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<ContestStatusGraphType>>("status").Description("Where the contest is in its life.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Description("When scoring starts.").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Description("When scoring ends (exclusive). Contributions count by business date: from the tenant-local date of the start to that of the last instant before the end.").Resolve(c => c.Source.EndsAt);
        Field<DecimalStringGraphType>("goal").Description("The goal of a race; null for other formats.").Resolve(c => c.Source.Goal);
        Field<CalendarDateGraphType>("baselineStart").Description("First day of the baseline period of a most-improved contest.").Resolve(c => c.Source.BaselineStart);
        Field<CalendarDateGraphType>("baselineEnd").Description("Last day of the baseline period of a most-improved contest.").Resolve(c => c.Source.BaselineEnd);
        Field<NonNullGraphType<ContestScopeGraphType>>("scope").Description("Who takes part when no participants are listed.").Resolve(c => c.Source.Scope);
        Field<IdGraphType>("scopeTeamId").Description("Global id of the team of a TEAM-scoped contest.").Resolve(c => c.Source.ScopeTeamId is { } t ? GlobalId.Encode(TeamGraphType.TypeName, t) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("participantIds").Description("Global ids of the explicitly listed contestants; empty means everyone in scope.").Resolve(c => c.Source.ParticipantIds.Select(p => GlobalId.Encode(ParticipantGraphType.TypeName, p)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("teamIds").Description("Global ids of the competing teams of a team contest.").Resolve(c => c.Source.TeamIds.Select(t => GlobalId.Encode(TeamGraphType.TypeName, t)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContestPairGraphType>>>>("pairs").Description("The pairs of a head-to-head contest.").Resolve(c => c.Source.Pairs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("prizes").Description("Prize text per place, first place first.").Resolve(c => c.Source.Prizes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContestCashPrizeGraphType>>>>("cashPrizes").Description("Money per place, by place; paid as AWARD lines on the winners' statements when the contest ends (hidden contests pay nothing).").Resolve(c => c.Source.CashPrizes);
        Field<NonNullGraphType<BooleanGraphType>>("hidden").Description("Test mode: visible to admins only and never pushed to screens.").Resolve(c => c.Source.Hidden);
        Field<DateTimeOffsetGraphType>("startedAt").Description("When the scheduler started it.").Resolve(c => c.Source.StartedAt);
        Field<DateTimeOffsetGraphType>("endedAt").Description("When the scheduler ended it and froze the standings.").Resolve(c => c.Source.EndedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContestStandingGraphType>>>>("standings")
            .Description($"Standings, best first: live while running, frozen once ended, everyone at zero before the start, empty when cancelled. At most {MaxTop}.")
            .Argument<IntGraphType>("top", $"How many rows (1 to {MaxTop}, default 10).", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                var top = Math.Clamp(c.GetArgument("top", 10), 1, MaxTop);
                var reader = c.RequestServices!.GetRequiredService<ContestReader>();
                await using var db = c.RequestServices!.GetRequiredService<ContestDatabase>().For(c.RequestServices!.GetRequiredService<Caller>().RequireTenant());
                IReadOnlyList<ContestStanding> standings = await reader.StandingsAsync(db, c.Source, c.CancellationToken);
                return standings.Take(top);
            });
    }
}
