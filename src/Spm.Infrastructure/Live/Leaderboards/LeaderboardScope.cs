namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>Who may appear on a board. Stored by name.</summary>
public enum LeaderboardScope
{
    /// <summary>Everyone in the tenant.</summary>
    Company = 1,

    /// <summary>Members of a team and of every team below it.</summary>
    Team = 2,

    /// <summary>Participants assigned to a territory on the contribution's date.</summary>
    Territory = 3,
}
