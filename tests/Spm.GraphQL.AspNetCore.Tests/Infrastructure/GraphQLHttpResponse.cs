using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>An HTTP answer with helpers to read the GraphQL body.</summary>
public sealed record GraphQLHttpResponse(
    HttpStatusCode Status,
    string? MediaType,
    HttpResponseHeaders Headers,
    HttpContentHeaders ContentHeaders,
    string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? FirstErrorCode => Json.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
        ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
        : null;

    public string? FirstErrorMessage => Json.GetProperty("errors")[0].GetProperty("message").GetString();

    public string Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;

    public JsonElement Data => Json.GetProperty("data");
}
