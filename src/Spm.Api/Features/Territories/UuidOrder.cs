namespace Spm.Api.Features.Territories;

/// <summary>Orders Guids the way PostgreSQL orders uuid values (bytes in RFC order), unlike <see cref="Guid.CompareTo(Guid)"/>.</summary>
public sealed class UuidOrder : IComparer<Guid>
{
    public static readonly UuidOrder Instance = new();

    public int Compare(Guid x, Guid y)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        x.TryWriteBytes(a, bigEndian: true, out _);
        y.TryWriteBytes(b, bigEndian: true, out _);
        return a.SequenceCompareTo(b);
    }
}
