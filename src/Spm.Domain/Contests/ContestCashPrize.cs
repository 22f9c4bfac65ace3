namespace Spm.Domain.Contests;

/// <summary>
/// The money a place pays (paid through compensation as an award line on the winner's statement). A place may have
/// prize text too ("trophy and 500 USD"); a place with text only pays nothing.
/// </summary>
public sealed record ContestCashPrize(int Place, decimal Amount, string Currency);
