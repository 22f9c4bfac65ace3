using Spm.Domain.Common;

namespace Spm.Domain.Organisation;

/// <summary>
/// A tenant's fiscal calendar: twelve calendar months starting on the first day of
/// <see cref="StartMonth"/>. A fiscal year is named after the calendar year in which it ends
/// (with a February start, FY2027 runs 2026-02-01 to 2027-01-31), the convention most
/// companies with offset years use. Every date falls in exactly one year, quarter and month.
/// </summary>
public sealed record FiscalCalendar
{
    public FiscalCalendar(int startMonth) => StartMonth = RequireStartMonth(startMonth);

    public int StartMonth { get; }

    public static int RequireStartMonth(int month) =>
        month is >= 1 and <= 12
            ? month
            : throw new DomainException("INVALID_FISCAL_START", $"The fiscal year start month must be 1-12, not {month}.", "fiscalYearStartMonth");

    /// <summary>The fiscal year (by its ending calendar year) that contains <paramref name="date"/>.</summary>
    public int FiscalYearOf(DateOnly date) =>
        StartMonth == 1 || date.Month < StartMonth ? date.Year : date.Year + 1;

    /// <summary>First day of fiscal year <paramref name="fiscalYear"/>.</summary>
    public DateOnly StartOf(int fiscalYear)
    {
        if (fiscalYear is < 1901 or > 9998)
        {
            throw new DomainException("INVALID_FISCAL_YEAR", $"Fiscal year {fiscalYear} is out of range.", "fiscalYear");
        }

        return new DateOnly(StartMonth == 1 ? fiscalYear : fiscalYear - 1, StartMonth, 1);
    }

    public PeriodDefinition Year(int fiscalYear)
    {
        var start = StartOf(fiscalYear);
        return new PeriodDefinition(PeriodKind.FiscalYear, fiscalYear, 1, start, start.AddYears(1).AddDays(-1));
    }

    public PeriodDefinition Quarter(int fiscalYear, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new DomainException("INVALID_QUARTER", $"Quarter must be 1-4, not {quarter}.", "quarter");
        }

        var start = StartOf(fiscalYear).AddMonths(3 * (quarter - 1));
        return new PeriodDefinition(PeriodKind.Quarter, fiscalYear, quarter, start, start.AddMonths(3).AddDays(-1));
    }

    public PeriodDefinition Month(int fiscalYear, int month)
    {
        if (month is < 1 or > 12)
        {
            throw new DomainException("INVALID_MONTH", $"Fiscal month must be 1-12, not {month}.", "month");
        }

        var start = StartOf(fiscalYear).AddMonths(month - 1);
        return new PeriodDefinition(PeriodKind.Month, fiscalYear, month, start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>The period of the given kind that contains <paramref name="date"/>.</summary>
    public PeriodDefinition PeriodOf(DateOnly date, PeriodKind kind)
    {
        var fiscalYear = FiscalYearOf(date);
        var monthIndex = ((date.Month - StartMonth + 12) % 12) + 1;
        return kind switch
        {
            PeriodKind.FiscalYear => Year(fiscalYear),
            PeriodKind.Quarter => Quarter(fiscalYear, ((monthIndex - 1) / 3) + 1),
            _ => Month(fiscalYear, monthIndex),
        };
    }

    /// <summary>The year, its four quarters and twelve months, in that order.</summary>
    public IReadOnlyList<PeriodDefinition> PeriodsOf(int fiscalYear)
    {
        var periods = new List<PeriodDefinition>(17) { Year(fiscalYear) };
        for (var q = 1; q <= 4; q++)
        {
            periods.Add(Quarter(fiscalYear, q));
        }

        for (var m = 1; m <= 12; m++)
        {
            periods.Add(Month(fiscalYear, m));
        }

        return periods;
    }
}
