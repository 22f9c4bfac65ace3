namespace Spm.Domain.Live;

/// <summary>
/// What a leaderboard or contest ranks by. Stored by name; never renumber. A weighted board is a set of
/// (metric, weight) pairs over these, so there is no "weighted" member here.
/// </summary>
public enum LiveMetric
{
    /// <summary>Credited amount in the reporting currency: direct, split, territory and overlay credits (and their adjustments); roll-up credits are left out so managers do not outrank the sellers whose deals they roll up.</summary>
    CreditedRevenue = 1,

    /// <summary>Sales recorded with the participant as owner (a cancellation counts minus one; an amendment does not change the count).</summary>
    DealsWon = 2,

    /// <summary>Attainment percent of the participant's quota for the board's quota period (an absolute value, not an increment).</summary>
    AttainmentPercent = 3,

    /// <summary>Calls logged.</summary>
    Calls = 4,

    /// <summary>Emails logged.</summary>
    Emails = 5,

    /// <summary>Meetings logged.</summary>
    Meetings = 6,

    /// <summary>Demos logged.</summary>
    Demos = 7,

    /// <summary>Visits logged.</summary>
    Visits = 8,
}
