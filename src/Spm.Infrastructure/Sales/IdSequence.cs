using System.Buffers.Binary;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// UUIDv7 ids for the rows of one write, increasing in the order they are taken (RFC 9562, 6.2, method 2: the
/// 62 bits after the variant are a counter started at a random value). Compared with a fresh random v7 per row
/// this saves a call to the system's random source per credit, and the rows of a batch arrive in key order,
/// so the primary keys and the credits' sale index are appended to instead of split at random places.
/// </summary>
internal sealed class IdSequence
{
    private const ulong Variant = 0x8000_0000_0000_0000;
    private readonly ulong high;
    private ulong counter;

    public IdSequence(DateTimeOffset now)
    {
        Span<byte> seed = stackalloc byte[16];
        Guid.CreateVersion7(now).TryWriteBytes(seed, bigEndian: true, out _);
        high = BinaryPrimitives.ReadUInt64BigEndian(seed);
        // A random start below 2^61 leaves 2^61 increments before the counter could reach the variant bits.
        counter = BinaryPrimitives.ReadUInt64BigEndian(seed[8..]) & 0x1FFF_FFFF_FFFF_FFFF;
    }

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Variant | ++counter);
        return new Guid(bytes, bigEndian: true);
    }
}
