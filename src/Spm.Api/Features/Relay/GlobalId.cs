using System.Buffers.Text;
using System.Text;

namespace Spm.Api.Features.Relay;

/// <summary>
/// Opaque Relay ids: base64url of "Type:guid". Clients must not parse them; the type prefix
/// lets node(id:) route, and a malformed or foreign id simply resolves to nothing.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = string.Empty;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 128)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[128];
        if (!Base64Url.IsValid(globalId) || Base64Url.DecodeFromChars(globalId, buffer) is not (var written and > 0))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Guid.TryParseExact(text.AsSpan(colon + 1), "N", out id))
        {
            return false;
        }

        typeName = text[..colon];
        return true;
    }

    /// <summary>The guid when <paramref name="globalId"/> is an id of <paramref name="typeName"/>.</summary>
    public static Guid? TryDecode(string? globalId, string typeName) =>
        TryDecode(globalId, out var type, out var id) && type == typeName ? id : null;
}
