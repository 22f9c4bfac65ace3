using System.Collections;
using System.Runtime.CompilerServices;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// An append-only list kept in chunks small enough to stay off the large-object heap: what credits are read into.
/// A <see cref="List{T}"/> of a roll-up manager's credits doubles its way through megabyte arrays, each one left on
/// the large-object heap, whose collections are full ones that pause the whole process (live earnings build in the
/// process that records sales). Read-only once filled.
/// </summary>
internal sealed class ChunkedList<T> : IReadOnlyList<T>, ICollection<T>
{
    // The largest power of two of items whose chunk stays under the large-object threshold (85,000 bytes).
    private static readonly int Shift = ShiftFor(Unsafe.SizeOf<T>());
    private static readonly int Mask = (1 << Shift) - 1;

    private readonly List<T[]> chunks = [];

    public int Count { get; private set; }

    /// <summary>Read-only to callers: only the reader that fills it adds.</summary>
    public bool IsReadOnly => true;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return chunks[index >> Shift][index & Mask];
        }
    }

    public void Add(T item)
    {
        var slot = Count & Mask;
        if (slot == 0)
        {
            chunks.Add(new T[Mask + 1]);
        }

        chunks[^1][slot] = item;
        Count++;
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        var left = Count;
        foreach (var chunk in chunks)
        {
            var n = Math.Min(chunk.Length, left);
            Array.Copy(chunk, 0, array, arrayIndex, n);
            arrayIndex += n;
            left -= n;
        }
    }

    public bool Contains(T item) => this.AsEnumerable().Contains(item);

    public void Clear() => throw new NotSupportedException("Credits read are not changed.");

    public bool Remove(T item) => throw new NotSupportedException("Credits read are not changed.");

    public IEnumerator<T> GetEnumerator()
    {
        var left = Count;
        foreach (var chunk in chunks)
        {
            var n = Math.Min(chunk.Length, left);
            for (var i = 0; i < n; i++)
            {
                yield return chunk[i];
            }

            left -= n;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int ShiftFor(int size)
    {
        var shift = 0;
        while (shift < 20 && (long)size << (shift + 1) < 85_000 - 64)
        {
            shift++;
        }

        return shift;
    }
}
