using System.Buffers.Binary;

namespace Spm.Domain.Common;

/// <summary>
/// Builds RFC 9562 version 7 ids from a chosen timestamp and random source, so seeded data
/// (the demo tenant) gets the same ids on every machine while staying index-friendly v7.
/// </summary>
public static class GuidV7
{
    public static Guid Create(long unixMilliseconds, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        // 48-bit big-endian timestamp, then version 7 and the RFC 4122 variant bits.
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, unixMilliseconds);
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
