using Spm.Domain.Contests;

namespace Spm.Infrastructure.Live;

/// <summary>Wire names of formats and statuses, as the GraphQL enums and pushed snapshots spell them.</summary>
public static class ContestFormats
{
    public static string Name(ContestFormat format) => format switch
    {
        ContestFormat.TopN => "TOP_N",
        ContestFormat.RaceToGoal => "RACE_TO_GOAL",
        ContestFormat.TeamVsTeam => "TEAM_VS_TEAM",
        ContestFormat.MostImproved => "MOST_IMPROVED",
        ContestFormat.HeadToHead => "HEAD_TO_HEAD",
        _ => format.ToString().ToUpperInvariant(),
    };
}
