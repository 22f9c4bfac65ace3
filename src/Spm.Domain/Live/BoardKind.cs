namespace Spm.Domain.Live;

/// <summary>Whether a board key names a leaderboard or a contest.</summary>
public enum BoardKind
{
    /// <summary>A standing leaderboard (metric, window, scope, subject).</summary>
    Leaderboard = 1,

    /// <summary>A contest (format, schedule, prizes).</summary>
    Contest = 2,
}
