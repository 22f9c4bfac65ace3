using System.Net;
using System.Text.Json;

namespace Spm.Api.Tests.Transport;

/// <summary>A GraphQL HTTP answer: status, headers and the parsed body.</summary>
public sealed record TransportResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, JsonElement Json, string Body)
{
    /// <summary>The data member; a missing one fails with the whole answer, so a flaky run says why.</summary>
    public JsonElement Data => Json.TryGetProperty("data", out var data)
        ? data
        : throw new InvalidOperationException($"The answer ({(int)Status}) has no data: {Body}");

    public string? FirstErrorCode => Json.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
        ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
        : null;

    public JsonElement Cost => Json.GetProperty("extensions").GetProperty("cost");

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
