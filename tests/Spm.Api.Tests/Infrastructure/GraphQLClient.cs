using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spm.Api.Tests.Infrastructure;

/// <summary>Posts GraphQL documents and returns the parsed response.</summary>
public static class GraphQLClient
{
    public static async Task<JsonNode> QueryAsync(this HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"Empty GraphQL response ({(int)response.StatusCode}).");
    }

    /// <summary>The `data` of a response that must have no errors.</summary>
    public static async Task<JsonNode> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        var response = await client.QueryAsync(query, variables);
        if (response["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"GraphQL errors: {errors.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        }

        return response["data"]!;
    }
}
