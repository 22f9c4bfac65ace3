namespace Spm.Domain.Compensation;

/// <summary>
/// The change of a participant's earnings so far in the open period after one credit, for the live layer
/// (the API publishes it as an <c>EarningsChanged</c> event).
/// </summary>
public sealed record EarningsUpdate(
    Guid ParticipantId,
    CompPeriod Period,
    string Currency,
    decimal PreviousEarnings,
    decimal Earnings,
    decimal? Attainment,
    Guid CreditId)
{
    public decimal Delta => Earnings - PreviousEarnings;
}
