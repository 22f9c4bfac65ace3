namespace Spm.Domain.Compensation;

/// <summary>Fiscal month, quarter and year windows for a fiscal year starting on the first of a given month.</summary>
internal static class FiscalCalendar
{
    public static DateOnly YearStart(DateOnly date, int startMonth) =>
        new(date.Month >= startMonth ? date.Year : date.Year - 1, startMonth, 1);

    public static CompPeriod YearOf(DateOnly date, int startMonth)
    {
        var start = YearStart(date, startMonth);
        return new CompPeriod(start, start.AddYears(1).AddDays(-1));
    }

    /// <summary>The window of <paramref name="frequency"/> that contains <paramref name="date"/>.</summary>
    public static CompPeriod WindowOf(DateOnly date, BonusFrequency frequency, int startMonth)
    {
        switch (frequency)
        {
            case BonusFrequency.Month:
                var month = new DateOnly(date.Year, date.Month, 1);
                return new CompPeriod(month, month.AddMonths(1).AddDays(-1));
            case BonusFrequency.Quarter:
                var yearStart = YearStart(date, startMonth);
                var monthsIn = ((date.Year - yearStart.Year) * 12) + date.Month - yearStart.Month;
                var quarter = yearStart.AddMonths(monthsIn / 3 * 3);
                return new CompPeriod(quarter, quarter.AddMonths(3).AddDays(-1));
            default:
                return YearOf(date, startMonth);
        }
    }

    /// <summary>Months in a window of <paramref name="frequency"/>: its share of an annual amount is this over 12.</summary>
    public static int Months(BonusFrequency frequency) => frequency switch
    {
        BonusFrequency.Month => 1,
        BonusFrequency.Quarter => 3,
        _ => 12,
    };
}
