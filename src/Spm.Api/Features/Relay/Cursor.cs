using System.Buffers.Text;
using System.Text;

namespace Spm.Api.Features.Relay;

/// <summary>Opaque keyset cursors: base64url of a sort key and the row id, never an offset.</summary>
public static class Cursor
{
    public static string Encode(string sortKey, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{id:N}|{sortKey}"));

    /// <summary>A cursor keyed by an instant (its UTC ticks), read back by <see cref="PageArguments.AfterInstant"/>.</summary>
    public static string Encode(DateTimeOffset at, Guid id) =>
        Encode(at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), id);

    public static bool TryDecode(string? cursor, out string sortKey, out Guid id)
    {
        sortKey = string.Empty;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 1024 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar != 32 || !Guid.TryParseExact(text.AsSpan(0, 32), "N", out id))
        {
            return false;
        }

        sortKey = text[(bar + 1)..];
        return true;
    }
}
