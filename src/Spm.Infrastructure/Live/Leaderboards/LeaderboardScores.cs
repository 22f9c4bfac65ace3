namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// Scores live in Redis as integers of 1/10,000 units. Amounts have two decimals and weights at most two, so every
/// contribution is a whole number of those units and a double holds sums exactly up to 2^53 (about 900 billion
/// units): two reps with equal totals tie exactly, as they do in SQL.
/// </summary>
public static class LeaderboardScores
{
    public const decimal Scale = 10_000m;

    public static double ToRedis(decimal value) => (double)decimal.Round(value * Scale, 0, MidpointRounding.AwayFromZero);

    public static decimal FromRedis(double score) => (decimal)Math.Round(score) / Scale;

    /// <summary>When a window's key may go: a week after the window closed, in the tenant's zone.</summary>
    public static DateTimeOffset ExpiresAt(WindowRange window, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(zone);
        var localMidnight = window.End.AddDays(8).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(localMidnight, zone.GetUtcOffset(localMidnight));
    }
}
