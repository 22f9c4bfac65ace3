namespace Spm.Domain.Contests;

/// <summary>How a contest decides its winners. Stored by name; never renumber.</summary>
public enum ContestFormat
{
    /// <summary>The highest scores when the contest ends win, one prize per place.</summary>
    TopN = 1,

    /// <summary>First to reach the goal wins; the finishing order is recorded as contestants cross it.</summary>
    RaceToGoal = 2,

    /// <summary>Teams compete on the sum of their members' scores.</summary>
    TeamVsTeam = 3,

    /// <summary>Score during the contest minus score over an earlier baseline period of the same length or any length.</summary>
    MostImproved = 4,

    /// <summary>Fixed pairs of participants; each pair has its own winner.</summary>
    HeadToHead = 5,
}
