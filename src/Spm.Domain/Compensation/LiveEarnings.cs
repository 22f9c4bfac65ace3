namespace Spm.Domain.Compensation;

/// <summary>
/// A participant's earnings so far in the open period, kept current credit by credit for the live layer.
/// Not thread-safe: one instance per participant, updated under the caller's lock or in a single consumer.
/// </summary>
/// <remarks>
/// Each credit recalculates the participant's statement from the credits held (a participant has hundreds of
/// credits in a period, not millions), because tier crossings, gates and caps make a delta formula wrong at the
/// edges. The figures are exactly what a calculation run over the same credits would give; the lines do not list
/// their sources (<see cref="StatementLine.Sources"/> is empty).
/// </remarks>
public sealed class LiveEarnings
{
    private readonly EngineContext context;

    // Keep only the totals of Current, not its lines (figuresOnly).
    private readonly bool figuresOnly;

    // The credits held, in arrival order, in positions start.. of an array with room to grow (capacity positions; a
    // slice of an array shared with other participants, CreditSlab, or one of its own): a recalculation reads it in
    // place instead of copying a list of tens of thousands of credits (a roll-up manager's) every time.
    private CompCredit[] credits;
    private int start;
    private int capacity;
    private int count;

    // Their positions in credits, in the canonical order (CreditKey), kept as credits arrive (a binary search and a
    // shift of ints): the sort a recalculation would otherwise start with is a sixth of a roll-up manager's recalculation.
    private int[] order;

    /// <summary>Starts from the open period's input (only <paramref name="participantId"/>'s part of it is used).</summary>
    public LiveEarnings(CompensationInput openPeriod, Guid participantId)
        : this(openPeriod, participantId, Partition(openPeriod?.Credits ?? throw new ArgumentNullException(nameof(openPeriod)), [participantId])[participantId])
    {
    }

    /// <summary>
    /// Starts from the open period's input and the participant's credits: the first <paramref name="count"/> of
    /// <paramref name="credits"/>, an array this instance then owns (the caller must not touch it again; room past
    /// <paramref name="count"/> takes later credits without a copy). The input's own credits are not read.
    /// </summary>
    public LiveEarnings(CompensationInput openPeriod, Guid participantId, CompCredit[] credits, int count)
        : this(openPeriod, participantId, new CreditSlice(credits ?? throw new ArgumentNullException(nameof(credits)), 0, count, credits.Length))
    {
    }

    /// <summary>
    /// As the constructor above for the credits of a <see cref="CreditSlice"/> (from <see cref="Partition"/>), whose
    /// positions this instance then owns. With <paramref name="figuresOnly"/>, <see cref="Current"/> keeps the totals
    /// and no lines: a cache of thousands of participants, each updated every few minutes, would otherwise keep every
    /// statement's lines (and their rule texts) alive long enough for collections to copy them from generation to generation.
    /// </summary>
    public LiveEarnings(CompensationInput openPeriod, Guid participantId, CreditSlice credits, bool figuresOnly = false)
    {
        this.figuresOnly = figuresOnly;
        ArgumentNullException.ThrowIfNull(openPeriod);
        ArgumentNullException.ThrowIfNull(credits.Array);
        ArgumentOutOfRangeException.ThrowIfNegative(credits.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(credits.Count, credits.Capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(credits.Start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(credits.Start + credits.Capacity, credits.Array.Length);
        for (var i = credits.Start; i < credits.Start + credits.Count; i++)
        {
            if (credits.Array[i].ParticipantId != participantId)
            {
                throw new ArgumentException($"Credit {credits.Array[i].CreditId} is for participant {credits.Array[i].ParticipantId}, not {participantId}.", nameof(credits));
            }
        }

        ParticipantId = participantId;
        // Figures only: the push carries earnings and attainment, and the statement (with every line's sources) comes
        // from a calculation run over the same credits.
        context = new EngineContext(openPeriod with { Participants = [participantId], Credits = [] }, traceSources: false);
        this.credits = credits.Array;
        start = credits.Start;
        capacity = credits.Capacity;
        count = credits.Count;
        order = new int[capacity];
        for (var i = 0; i < count; i++)
        {
            order[i] = start + i;
        }

        ParticipantCalculation.SortCanonical(this.credits, order, count);
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

    /// <summary>
    /// An array for <paramref name="count"/> credits with room for more: a quarter again, at least 16. A roll-up
    /// manager's array runs to megabytes on the large-object heap, where every new one brings a full collection closer,
    /// so it is allocated once with room for the credits of the next minutes rather than doubled at the first one.
    /// </summary>
    public static int Capacity(int count) => count + Math.Max(16, count / 4);

    /// <summary>
    /// Each of <paramref name="participants"/>' credits among <paramref name="credits"/> (less those
    /// <paramref name="leaveOut"/> names), in a slice sized once with room to grow (<see cref="Capacity"/>), ready to
    /// hand to the constructor that takes ownership: taken from <paramref name="slab"/>, or an array of its own without
    /// one. One pass to count, one to fill: a roll-up manager's credits run to megabytes, and every extra copy lands on
    /// the large-object heap.
    /// </summary>
    public static Dictionary<Guid, CreditSlice> Partition(IEnumerable<CompCredit> credits, IReadOnlyCollection<Guid> participants, Func<CompCredit, bool>? leaveOut = null, CreditSlab? slab = null)
    {
        ArgumentNullException.ThrowIfNull(credits);
        ArgumentNullException.ThrowIfNull(participants);
        var slot = new Dictionary<Guid, int>(participants.Count);
        foreach (var participant in participants)
        {
            slot.TryAdd(participant, slot.Count);
        }

        var counts = new int[slot.Count];
        foreach (var credit in credits)
        {
            if (slot.TryGetValue(credit.ParticipantId, out var k) && leaveOut?.Invoke(credit) != true)
            {
                counts[k]++;
            }
        }

        var slices = new CreditSlice[slot.Count];
        for (var k = 0; k < slices.Length; k++)
        {
            var room = Capacity(counts[k]);
            slices[k] = slab?.Take(room) ?? CreditSlice.Own(room);
        }

        var filled = new int[slot.Count];
        foreach (var credit in credits)
        {
            if (slot.TryGetValue(credit.ParticipantId, out var k) && leaveOut?.Invoke(credit) != true)
            {
                slices[k].Array[slices[k].Start + filled[k]++] = credit;
            }
        }

        return slot.ToDictionary(p => p.Key, p => slices[p.Value] with { Count = counts[p.Value] });
    }

    private void Hold(CompCredit credit)
    {
        if (count == capacity)
        {
            // Out of room: on to an array of this participant's own (the old slice stays with its array).
            var own = new CompCredit[Capacity(count)];
            Array.Copy(credits, start, own, 0, count);
            for (var i = 0; i < count; i++)
            {
                order[i] -= start;
            }

            Array.Resize(ref order, own.Length);
            credits = own;
            start = 0;
            capacity = own.Length;
        }

        // The first position whose credit sorts after this one (keys are unique: credit ids are).
        var key = new CreditKey(credit);
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (new CreditKey(credits[order[mid]]).CompareTo(key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        Array.Copy(order, lo, order, lo + 1, count - lo);
        order[lo] = start + count;
        credits[start + count++] = credit;
    }

    private ParticipantResult? Recalculate()
    {
        var result = ParticipantCalculation.RunOrdered(context, ParticipantId, credits, order, count);
        return figuresOnly && result is not null ? result with { Lines = [], AssignmentIds = [] } : result;
    }
}
