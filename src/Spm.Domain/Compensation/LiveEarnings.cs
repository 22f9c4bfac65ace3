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
    private readonly EngineContext context;

    // The credits held, in arrival order, in an array that grows by doubling: a recalculation reads it in place
    // instead of copying a list of tens of thousands of credits (a roll-up manager's) every time.
    private CompCredit[] credits;
    private int count;

    /// <summary>Starts from the open period's input (only <paramref name="participantId"/>'s part of it is used).</summary>
    public LiveEarnings(CompensationInput openPeriod, Guid participantId)
    {
        ArgumentNullException.ThrowIfNull(openPeriod);
        ParticipantId = participantId;
        context = new EngineContext(openPeriod with { Participants = [participantId] });
        credits = [.. openPeriod.Credits.Where(c => c.ParticipantId == participantId)];
        count = credits.Length;
        Current = Recalculate();
    }

    public Guid ParticipantId { get; }

    /// <summary>Credits held: what one recalculation goes through (a roll-up manager holds the whole team's).</summary>
    public int CreditCount => count;

    /// <summary>The statement as of the last credit; null when the participant has no assignment in the period.</summary>
    public ParticipantResult? Current { get; private set; }

    /// <summary>Adds a committed credit (a reversal is a negative one) and returns how earnings moved; null without an assignment.</summary>
    public EarningsUpdate? Apply(CompCredit credit)
    {
        if (credit.ParticipantId != ParticipantId)
        {
            throw new ArgumentException($"The credit is for participant {credit.ParticipantId}, not {ParticipantId}.", nameof(credit));
        }

        var previous = Current;
        Hold(credit);
        Current = Recalculate();
        return Current is null
            ? null
            : new EarningsUpdate(ParticipantId, Current.Period, Current.Currency, previous?.Earnings ?? 0m, Current.Earnings, Current.Attainment, credit.CreditId);
    }

    /// <summary>
    /// Adds several committed credits and recalculates once (what one batch of the live layer wrote); returns how
    /// earnings moved from before the first to after the last, naming the last credit; null without an assignment.
    /// </summary>
    public EarningsUpdate? ApplyAll(IReadOnlyList<CompCredit> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            throw new ArgumentException("Give at least one credit.", nameof(batch));
        }

        foreach (var credit in batch)
        {
            if (credit.ParticipantId != ParticipantId)
            {
                throw new ArgumentException($"A credit is for participant {credit.ParticipantId}, not {ParticipantId}.", nameof(batch));
            }
        }

        var previous = Current;
        foreach (var credit in batch)
        {
            Hold(credit);
        }

        Current = Recalculate();
        return Current is null
            ? null
            : new EarningsUpdate(ParticipantId, Current.Period, Current.Currency, previous?.Earnings ?? 0m, Current.Earnings, Current.Attainment, batch[^1].CreditId);
    }

    private void Hold(CompCredit credit)
    {
        if (count == credits.Length)
        {
            Array.Resize(ref credits, Math.Max(16, credits.Length * 2));
        }

        credits[count++] = credit;
    }

    private ParticipantResult? Recalculate() => ParticipantCalculation.Run(context, ParticipantId, credits, count);
}
