using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Spm.GraphQL.AspNetCore.Http;

/// <summary>Response media types of GraphQL over HTTP and the Accept negotiation between them.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with, or null for 406. No Accept, <c>*/*</c> and <c>application/*</c>
    /// get <c>application/json</c> so legacy clients keep their 200-for-errors behaviour.
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var values) || values.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1;
            if (quality <= 0 || (value.Charset.HasValue && !value.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var mediaType = value.MediaType;
            string? candidate = mediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase) ? GraphQLResponseJson
                : mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
                    || mediaType.Equals("*/*", StringComparison.Ordinal)
                    || mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase) ? Json
                : null;
            if (candidate is null)
            {
                continue;
            }

            // On equal quality the spec's own media type wins.
            if (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponseJson))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    public static bool AcceptsHtml(StringValues accept)
        => MediaTypeHeaderValue.TryParseList(accept, out var values)
            && values.Any(v => v.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (v.Quality ?? 1) > 0);

    /// <summary>Only JSON bodies: form, multipart and text/plain are what a cross-site form can send (CSRF).</summary>
    public static bool IsJsonRequestBody(string? contentType)
        => MediaTypeHeaderValue.TryParse(contentType, out var value)
            && value.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            && (!value.Charset.HasValue || value.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
