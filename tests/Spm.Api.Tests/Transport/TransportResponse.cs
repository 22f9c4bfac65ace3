using System.Net;
using System.Text.Json;

namespace Spm.Api.Tests.Transport;

/// <summary>A GraphQL HTTP answer: status, headers and the parsed body.</summary>
public sealed record TransportResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, JsonElement Json, string Body)
{
    public JsonElement Data => Json.GetProperty("data");

    public string? FirstErrorCode => Json.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
        ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
        : null;

    public JsonElement Cost => Json.GetProperty("extensions").GetProperty("cost");

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
