namespace Spm.Domain.Contests;

/// <summary>
/// The money one winner receives for a place: <see cref="Place"/> is the first prize position the winner's group
/// occupied, <see cref="SharedBy"/> how many tied contestants split the cash of their positions.
/// </summary>
public sealed record ContestPrizeAward(int Place, Guid ParticipantId, string DisplayName, decimal Amount, string Currency, int SharedBy);
