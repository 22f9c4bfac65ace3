namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>What a board ranks. Stored by name.</summary>
public enum LeaderboardSubject
{
    /// <summary>People.</summary>
    Participants = 1,

    /// <summary>Teams: a participant's contribution counts for the team they are a direct member of.</summary>
    Teams = 2,
}
