using System.Globalization;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>One window of a board (e.g. fiscal Q2 2026): first and last day, inclusive, and a label for screens.</summary>
public sealed record WindowRange(DateOnly Start, DateOnly End, string Label)
{
    /// <summary>The window of kind <paramref name="window"/> containing <paramref name="date"/> in <paramref name="calendar"/>.</summary>
    public static WindowRange Containing(LeaderboardWindow window, DateOnly date, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        // Every event asks for each board's window; the answers are few and never change.
        var key = (window, date, calendar.StartMonth);
        if (Cache.TryGetValue(key, out var known))
        {
            return known;
        }

        if (Cache.Count > 50_000)
        {
            Cache.Clear();
        }

        return Cache[key] = Compute(window, date, calendar);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(LeaderboardWindow, DateOnly, int), WindowRange> Cache = new();

    private static WindowRange Compute(LeaderboardWindow window, DateOnly date, FiscalCalendar calendar)
    {
        switch (window)
        {
            case LeaderboardWindow.Day:
                return new(date, date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case LeaderboardWindow.Week:
                // ISO weeks: Monday to Sunday.
                var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
                return new(monday, monday.AddDays(6), string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}"));
            default:
                var kind = window switch
                {
                    LeaderboardWindow.Month => PeriodKind.Month,
                    LeaderboardWindow.Quarter => PeriodKind.Quarter,
                    _ => PeriodKind.FiscalYear,
                };
                var period = calendar.PeriodOf(date, kind);
                return new(period.Start, period.End, period.Name);
        }
    }

    /// <summary>The window after this one.</summary>
    public WindowRange Next(LeaderboardWindow window, FiscalCalendar calendar) => Containing(window, End.AddDays(1), calendar);
}
