using Spm.Domain.Common;

namespace Spm.Domain.Compensation;

/// <summary>
/// A calculation period: the dates whose credits a statement pays, both inclusive. Usually a fiscal month;
/// any range is accepted, because proration and bonus windows are computed in days, not months.
/// </summary>
public readonly record struct CompPeriod
{
    public CompPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new DomainException("COMP_PERIOD_INVALID", $"The period ends on {end:yyyy-MM-dd}, before it starts on {start:yyyy-MM-dd}.", "period");
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>Number of days, both ends included (a 31-day month is 31).</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Days this period shares with [<paramref name="from"/>, <paramref name="to"/>] (open-ended when null).</summary>
    public int OverlapDays(DateOnly from, DateOnly? to)
    {
        var start = from > Start ? from : Start;
        var end = to is { } t && t < End ? t : End;
        return end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    }

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
