namespace Spm.Domain.Compensation;

/// <summary>
/// Where a participant's live credits sit: positions <see cref="Start"/> to <see cref="Start"/> +
/// <see cref="Capacity"/> of <see cref="Array"/>, the first <see cref="Count"/> of them filled.
/// </summary>
public readonly record struct CreditSlice(CompCredit[] Array, int Start, int Count, int Capacity)
{
    /// <summary>An empty slice that is a whole array of its own, of <paramref name="capacity"/> positions.</summary>
    public static CreditSlice Own(int capacity) => new(new CompCredit[capacity], 0, 0, capacity);
}

/// <summary>
/// Hands out slices of large shared arrays for the credits of many participants' live earnings, which a cache then
/// keeps for minutes. A rep's credits fill a few tens of kilobytes: as arrays of their own they land on the small-object
/// heap, and every collection that promotes a freshly built cache copies them (tens of megabytes for a few thousand
/// reps: the one long pause the recording path saw after each build). Slices of arrays on the large-object heap are
/// never copied. Not thread-safe; a slice outlives nothing but its array, which goes when the last slice's owner does.
/// </summary>
public sealed class CreditSlab
{
    private readonly int length;
    private CompCredit[]? current;
    private int used;

    /// <param name="length">Credits per shared array: 8,192 credits make about a megabyte, well on the large-object heap.</param>
    public CreditSlab(int length = 8_192)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 16);
        this.length = length;
    }

    /// <summary>A slice of <paramref name="capacity"/> empty positions: from a shared array, or one of its own when it would take more than a quarter of one.</summary>
    public CreditSlice Take(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity > length / 4)
        {
            return CreditSlice.Own(capacity);
        }

        if (current is null || used + capacity > current.Length)
        {
            current = new CompCredit[length];
            used = 0;
        }

        var start = used;
        used += capacity;
        return new CreditSlice(current, start, 0, capacity);
    }
}
