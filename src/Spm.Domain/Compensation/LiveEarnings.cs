namespace Spm.Domain.Compensation;

/// <summary>
/// A participant's earnings so far in the open period, kept current credit by credit for the live layer.
/// Not thread-safe: one instance per participant, updated under the caller's lock or in a single consumer.
/// </summary>
/// <remarks>
/// Each credit recalculates the participant's statement from the credits held (a participant has hundreds of
/// credits in a period, not millions), because tier crossings, gates and caps make a delta formula wrong at the
/// edges. The result is exactly what a calculation run over the same credits would give.
/// </remarks>
public sealed class LiveEarnings
{
    /// <summary>Starts from the open period's input restricted to one participant (their assignments, credits, quota, balances).</summary>
    public LiveEarnings(CompensationInput openPeriod, Guid participantId) => throw new NotImplementedException();

    public Guid ParticipantId { get; }

    /// <summary>The statement as of the last credit; null when the participant has no assignment in the period.</summary>
    public ParticipantResult? Current { get; private set; }

    /// <summary>Adds a committed credit (a reversal is a negative one) and returns how earnings moved.</summary>
    public EarningsUpdate Apply(CompCredit credit) => throw new NotImplementedException();
}
