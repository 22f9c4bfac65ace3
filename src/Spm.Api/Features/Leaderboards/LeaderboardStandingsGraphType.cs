using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Infrastructure.Live.Leaderboards;

namespace Spm.Api.Features.Leaderboards;

/// <summary>GraphQL shape of <see cref="LeaderboardStandings"/>.</summary>
public sealed class LeaderboardStandingsGraphType : ObjectGraphType<LeaderboardStandings>
{
    public LeaderboardStandingsGraphType()
    {
        Name = "LeaderboardStandings";
        Description = "Rows of a leaderboard's current window, as of now.";
        Field<NonNullGraphType<StringGraphType>>("windowLabel").Description("The window's name, e.g. `2026-03-15`, `2026-W11`, `FY2026-M03`, `FY2026-Q1`, `FY2026`.").Resolve(c => c.Source.Window.Label);
        Field<NonNullGraphType<CalendarDateGraphType>>("windowStart").Description("First day of the window (tenant's calendar).").Resolve(c => c.Source.Window.Start);
        Field<NonNullGraphType<CalendarDateGraphType>>("windowEnd").Description("Last day of the window, inclusive.").Resolve(c => c.Source.Window.End);
        Field<NonNullGraphType<IntGraphType>>("entrants").Description("How many participants or teams have a score in the window.").Resolve(c => c.Source.Entrants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderboardEntryGraphType>>>>("entries")
            .Description("The rows, best first.")
            .Resolve(c => c.Source.Entries.Select(e => new LeaderboardRow(e, c.Source.Board.Subject == LeaderboardSubject.Teams ? "Team" : "Participant")));
        Field<NonNullGraphType<DateTimeGraphType>>("asOf").Description("When the rows were read.").Resolve(c => c.Source.AsOf.UtcDateTime);
        Field<NonNullGraphType<BooleanGraphType>>("degraded")
            .Description("True when the live store was unreachable and the rows were computed from the database instead (same ranking, slower, no movement).")
            .Resolve(c => c.Source.Degraded);
    }
}
