namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>The time window a board ranks over, cut in the tenant's time zone and fiscal calendar. Stored by name.</summary>
public enum LeaderboardWindow
{
    /// <summary>Today (local calendar day).</summary>
    Day = 1,

    /// <summary>This ISO week, Monday to Sunday.</summary>
    Week = 2,

    /// <summary>This fiscal month.</summary>
    Month = 3,

    /// <summary>This fiscal quarter.</summary>
    Quarter = 4,

    /// <summary>This fiscal year.</summary>
    FiscalYear = 5,
}
