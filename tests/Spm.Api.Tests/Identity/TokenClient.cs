using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Spm.Api.Tests.Identity;

/// <summary>What a partner integration does: ask /connect/token, then call /graphql with the token.</summary>
internal static class TokenClient
{
    public static Task<HttpResponseMessage> RequestAsync(HttpClient http, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    public static async Task<string> GetAccessTokenAsync(HttpClient http, string clientId, string secret)
    {
        using var response = await RequestAsync(http, clientId, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static async Task<HttpResponseMessage> GraphQLAsync(HttpClient http, string? token, string query, string path = "/graphql")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonElement> GraphQLDataAsync(HttpClient http, string token, string query)
    {
        using var response = await GraphQLAsync(http, token, query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        Assert.False(json.RootElement.TryGetProperty("errors", out _), body);
        return json.RootElement.GetProperty("data").Clone();
    }
}
