namespace Spm.Domain.Compensation;

/// <summary>
/// A draw: an advance that guarantees <see cref="Amount"/> per period (plan currency, prorated by days).
/// </summary>
/// <remarks>
/// When earnings fall short of the draw, the shortfall is paid as a draw line. A recoverable draw adds the
/// shortfall to the participant's draw balance; in later periods, earnings above the draw amount (or all
/// earnings once no draw applies) repay the balance first, as a negative recovery line, never taking pay below
/// the draw. A non-recoverable draw leaves the balance alone. The balance is carried from period to period in
/// <see cref="ParticipantResult.DrawBalanceCarried"/>.
/// </remarks>
public sealed record DrawComponent : PlanComponent
{
    public required decimal Amount { get; init; }

    public bool Recoverable { get; init; } = true;
}
