using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Tests.Organisation;

public sealed class FiscalCalendarTests
{
    private static readonly FiscalCalendar February = new(2);
    private static readonly FiscalCalendar January = new(1);

    [Fact]
    public void February_start_names_the_year_after_the_year_it_ends()
    {
        // FY2027 runs 2026-02-01 .. 2027-01-31.
        var year = February.Year(2027);
        Assert.Equal(new DateOnly(2026, 2, 1), year.Start);
        Assert.Equal(new DateOnly(2027, 1, 31), year.End);
        Assert.Equal("FY2027", year.Name);
    }

    [Theory]
    [InlineData(2026, 1, 31, 2026, 4, 12)] // last day of FY2026
    [InlineData(2026, 2, 1, 2027, 1, 1)] // first day of FY2027
    [InlineData(2026, 4, 30, 2027, 1, 3)]
    [InlineData(2026, 5, 1, 2027, 2, 4)]
    [InlineData(2027, 1, 31, 2027, 4, 12)]
    public void A_boundary_date_falls_in_exactly_one_period(int y, int m, int d, int fy, int quarter, int month)
    {
        var date = new DateOnly(y, m, d);
        Assert.Equal(fy, February.FiscalYearOf(date));
        Assert.Equal(quarter, February.PeriodOf(date, PeriodKind.Quarter).Number);
        Assert.Equal(month, February.PeriodOf(date, PeriodKind.Month).Number);
    }

    [Fact]
    public void Leap_year_february_is_the_first_fiscal_month_and_has_29_days()
    {
        var feb = February.Month(2025, 1); // FY2025 starts 2024-02-01, a leap year
        Assert.Equal(new DateOnly(2024, 2, 1), feb.Start);
        Assert.Equal(new DateOnly(2024, 2, 29), feb.End);
        Assert.Equal("FY2025-M01", feb.Name);
        Assert.Equal(feb, February.PeriodOf(new DateOnly(2024, 2, 29), PeriodKind.Month));
        // Q1 = Feb+Mar+Apr 2024 = 29 + 31 + 30 = 90 days.
        var q1 = February.Quarter(2025, 1);
        Assert.Equal(90, q1.End.DayNumber - q1.Start.DayNumber + 1);
        // The whole leap fiscal year has 366 days; the next one 365.
        Assert.Equal(366, February.Year(2025).End.DayNumber - February.Year(2025).Start.DayNumber + 1);
        Assert.Equal(365, February.Year(2026).End.DayNumber - February.Year(2026).Start.DayNumber + 1);
    }

    [Fact]
    public void January_start_matches_the_calendar_year()
    {
        Assert.Equal(2026, January.FiscalYearOf(new DateOnly(2026, 12, 31)));
        Assert.Equal(new DateOnly(2026, 10, 1), January.Quarter(2026, 4).Start);
        Assert.Equal(new DateOnly(2026, 12, 31), January.Quarter(2026, 4).End);
    }

    [Fact]
    public void Periods_of_a_year_tile_it_without_gap_or_overlap()
    {
        foreach (var calendar in new[] { January, February, new FiscalCalendar(7), new FiscalCalendar(12) })
        {
            var periods = calendar.PeriodsOf(2028);
            Assert.Equal(17, periods.Count);
            var year = periods[0];
            for (var day = year.Start; day <= year.End; day = day.AddDays(1))
            {
                Assert.Single(periods, p => p.Kind == PeriodKind.Quarter && p.Contains(day));
                Assert.Single(periods, p => p.Kind == PeriodKind.Month && p.Contains(day));
            }
        }
    }

    [Fact]
    public void December_start_year_ends_in_november()
    {
        var calendar = new FiscalCalendar(12);
        Assert.Equal(new DateOnly(2025, 12, 1), calendar.Year(2026).Start);
        Assert.Equal(new DateOnly(2026, 11, 30), calendar.Year(2026).End);
        Assert.Equal(2027, calendar.FiscalYearOf(new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Start_month_outside_1_to_12_is_refused(int month)
    {
        var error = Assert.Throws<DomainException>(() => new FiscalCalendar(month));
        Assert.Equal("fiscalYearStartMonth", error.Field);
    }

    [Fact]
    public void Generated_periods_link_months_to_quarters_and_quarters_to_the_year()
    {
        var tenant = Guid.CreateVersion7();
        var periods = Period.Generate(tenant, February, 2027);
        var year = Assert.Single(periods, p => p.Kind == PeriodKind.FiscalYear);
        var q3 = Assert.Single(periods, p => p.Kind == PeriodKind.Quarter && p.Number == 3);
        Assert.Equal(year.Id, q3.ParentId);
        var month8 = Assert.Single(periods, p => p.Kind == PeriodKind.Month && p.Number == 8);
        Assert.Equal(q3.Id, month8.ParentId);
        Assert.Equal(new DateOnly(2026, 9, 1), month8.StartDate);
        Assert.All(periods, p => Assert.Equal(tenant, p.TenantId));
    }
}
