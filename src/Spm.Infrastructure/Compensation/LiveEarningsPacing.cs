namespace Spm.Infrastructure.Compensation;

/// <summary>
/// How often live earnings recalculate a costly participant (see <see cref="LiveEarningsConsumer"/>): at most once per
/// <see cref="Interval"/> for whoever holds at least <see cref="ImmediateBelow"/> credits in the month.
/// </summary>
public sealed record LiveEarningsPacing
{
    /// <summary>Least time between two recalculations of a costly participant.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Participants holding fewer credits than this are recalculated at every update.</summary>
    public int ImmediateBelow { get; init; } = 500;
}
