using System.Text.Json;
using GraphQL;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>Checks the shape of a GraphQL request object; a wrong shape is a 400, not a GraphQL error.</summary>
internal static class RequestParser
{
    public static bool TryParse(JsonElement body, IGraphQLSerializer serializer, out TransportRequest request, out string error)
    {
        request = null!;
        if (body.ValueKind == JsonValueKind.Array)
        {
            error = "Batched requests (a JSON array) are not supported; send one request per call.";
            return false;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "The request must be a JSON object.";
            return false;
        }

        if (!TryGetString(body, "query", out var query, out error)
            || !TryGetString(body, "operationName", out var operationName, out error)
            || !TryGetString(body, "documentId", out var documentId, out error)
            || !TryGetObject(body, "variables", out var variables, out error)
            || !TryGetObject(body, "extensions", out var extensions, out error))
        {
            return false;
        }

        return TryCreate(query, operationName, documentId, variables, extensions, serializer, out request, out error);
    }

    public static bool TryParseUrl(
        string? query,
        string? operationName,
        string? documentId,
        string? variablesJson,
        string? extensionsJson,
        IGraphQLSerializer serializer,
        out TransportRequest request,
        out string error)
    {
        request = null!;
        if (!TryParseJsonObject(variablesJson, "variables", out var variables, out error)
            || !TryParseJsonObject(extensionsJson, "extensions", out var extensions, out error))
        {
            return false;
        }

        return TryCreate(query, operationName, documentId, variables, extensions, serializer, out request, out error);
    }

    private static bool TryCreate(
        string? query,
        string? operationName,
        string? documentId,
        JsonElement? variables,
        JsonElement? extensions,
        IGraphQLSerializer serializer,
        out TransportRequest request,
        out string error)
    {
        request = null!;
        string? hash = null;
        if (extensions is { } ext && ext.TryGetProperty("persistedQuery", out var persisted) && persisted.ValueKind != JsonValueKind.Null)
        {
            if (persisted.ValueKind != JsonValueKind.Object
                || !persisted.TryGetProperty("sha256Hash", out var hashElement)
                || hashElement.ValueKind != JsonValueKind.String)
            {
                error = "extensions.persistedQuery must be an object with a string sha256Hash.";
                return false;
            }

            hash = hashElement.GetString();
        }

        request = new TransportRequest(
            query,
            operationName,
            variables is { } v ? serializer.ReadNode<Inputs>(v) : null,
            extensions is { } e ? serializer.ReadNode<Inputs>(e) : null,
            documentId,
            hash);
        error = string.Empty;
        return true;
    }

    private static bool TryGetString(JsonElement body, string name, out string? value, out string error)
    {
        value = null;
        error = string.Empty;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"The '{name}' parameter must be a string.";
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static bool TryGetObject(JsonElement body, string name, out JsonElement? value, out string error)
    {
        value = null;
        error = string.Empty;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"The '{name}' parameter must be an object.";
            return false;
        }

        value = element;
        return true;
    }

    private static bool TryParseJsonObject(string? json, string name, out JsonElement? value, out string error)
    {
        value = null;
        error = string.Empty;
        if (string.IsNullOrEmpty(json))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"The '{name}' parameter must be a JSON object.";
                return false;
            }

            // Clone: the element must outlive the pooled document.
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            error = $"The '{name}' parameter is not valid JSON.";
            return false;
        }
    }
}
