using System.Buffers;
using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.GraphQL.AspNetCore.Execution;

namespace Spm.GraphQL.AspNetCore.Http;

/// <summary>GraphQL over HTTP: GET and POST, Accept negotiation, status codes, limits.</summary>
internal sealed class GraphQLHttpHandler<TSchema>(
    GraphQLRequestPipeline<TSchema> pipeline,
    IGraphQLSerializer serializer,
    IOptions<GraphQLTransportOptions> options)
    where TSchema : ISchema
{
    public async Task HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var httpRequest = context.Request;
        var cancellationToken = context.RequestAborted;
        var isGet = HttpMethods.IsGet(httpRequest.Method);
        if (!isGet && !HttpMethods.IsPost(httpRequest.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, MediaTypes.Json, TransportErrorCodes.MethodNotAllowed, "Use GET or POST.", cancellationToken);
            return;
        }

        if ((settings.HtmlRequestHandler is not null || settings.GraphiQLPath is not null) && GraphQLPageRequest.Matches(httpRequest))
        {
            if (settings.HtmlRequestHandler is { } htmlHandler)
            {
                await htmlHandler(context);
            }
            else
            {
                context.Response.Redirect(settings.GraphiQLPath!);
            }

            return;
        }

        var mediaType = MediaTypes.Negotiate(httpRequest.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(
                context,
                StatusCodes.Status406NotAcceptable,
                MediaTypes.Json,
                TransportErrorCodes.NotAcceptable,
                $"Accept {MediaTypes.GraphQLResponseJson} or {MediaTypes.Json}.",
                cancellationToken);
            return;
        }

        if (settings.RequireAuthentication && context.User.Identity?.IsAuthenticated != true)
        {
            // RFC 6750: a 401 names the scheme the client should use.
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, mediaType, TransportErrorCodes.Unauthenticated, "Authentication is required.", cancellationToken);
            return;
        }

        var (request, status, code, message) = isGet ? ReadUrl(httpRequest) : await ReadBodyAsync(httpRequest, settings, cancellationToken);
        if (request is null)
        {
            await WriteErrorAsync(context, status, mediaType, code!, message!, cancellationToken);
            return;
        }

        var outcome = await pipeline.ExecuteAsync(request, context, context.User, context.RequestServices, isGet ? RequestCarrier.HttpGet : RequestCarrier.HttpPost, cancellationToken);
        var statusCode = StatusCodeFor(outcome.Result, mediaType);
        if (statusCode == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = "POST";
        }

        if (outcome.Budget is { } budget)
        {
            WriteRateLimitHeaders(context.Response, budget, outcome.RequestedCost);
        }

        await WriteAsync(context, statusCode, mediaType, outcome.Result, cancellationToken);
    }

    private (TransportRequest? Request, int Status, string? Code, string? Message) ReadUrl(HttpRequest httpRequest)
    {
        var query = httpRequest.Query;
        return RequestParser.TryParseUrl(
            NullIfEmpty(query["query"]),
            NullIfEmpty(query["operationName"]),
            NullIfEmpty(query["documentId"]),
            NullIfEmpty(query["variables"]),
            NullIfEmpty(query["extensions"]),
            serializer,
            out var request,
            out var error)
            ? (request, 0, null, null)
            : (null, StatusCodes.Status400BadRequest, TransportErrorCodes.InvalidRequest, error);

        static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }

    private async Task<(TransportRequest? Request, int Status, string? Code, string? Message)> ReadBodyAsync(
        HttpRequest httpRequest,
        GraphQLTransportOptions settings,
        CancellationToken cancellationToken)
    {
        if (!MediaTypes.IsJsonRequestBody(httpRequest.ContentType))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, TransportErrorCodes.UnsupportedMediaType, $"Send the request as {MediaTypes.Json}.");
        }

        var tooLarge = (default(TransportRequest), StatusCodes.Status413PayloadTooLarge, TransportErrorCodes.RequestTooLarge,
            $"The request body exceeds {settings.MaxRequestBodyBytes} bytes.");
        if (httpRequest.ContentLength > settings.MaxRequestBodyBytes)
        {
            return tooLarge;
        }

        var body = await ReadLimitedAsync(httpRequest.Body, settings.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            return tooLarge;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (RequestParser.TryParse(document.RootElement, serializer, out var request, out var error))
            {
                return (request, 0, null, null);
            }

            var code = document.RootElement.ValueKind == JsonValueKind.Array
                ? TransportErrorCodes.BatchingNotSupported
                : TransportErrorCodes.InvalidRequest;
            return (null, StatusCodes.Status400BadRequest, code, error);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest, TransportErrorCodes.InvalidJson, "The request body is not valid JSON.");
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// With application/graphql-response+json, request errors (nothing executed) are 4xx; with
    /// application/json they stay 200 as legacy clients expect. 405 and 429 hold for both.
    /// </summary>
    internal static int StatusCodeFor(ExecutionResult result, string mediaType)
    {
        if (result.Executed || result.Errors is not { Count: > 0 } errors)
        {
            return StatusCodes.Status200OK;
        }

        if (errors.Any(e => e.Code == TransportErrorCodes.Throttled))
        {
            return StatusCodes.Status429TooManyRequests;
        }

        if (errors.Any(e => e.Code == TransportErrorCodes.MethodNotAllowed))
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        if (mediaType == MediaTypes.Json)
        {
            return StatusCodes.Status200OK;
        }

        return errors.All(e => e.Code == TransportErrorCodes.AccessDenied)
            ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
    }

    private static void WriteRateLimitHeaders(HttpResponse response, CostDecision budget, double requestedCost)
    {
        response.Headers["X-RateLimit-Limit"] = Math.Floor(budget.MaximumAvailable).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = Math.Floor(budget.CurrentlyAvailable).ToString(CultureInfo.InvariantCulture);
        // Unix seconds at which the bucket is full again, as GitHub reports it.
        response.Headers["X-RateLimit-Reset"] = Math.Ceiling(budget.FullAt.ToUnixTimeMilliseconds() / 1000.0).ToString(CultureInfo.InvariantCulture);
        if (!budget.Allowed && budget.RestoreRatePerSecond > 0 && requestedCost <= budget.MaximumAvailable)
        {
            // When the bucket will hold this request's cost again.
            var seconds = Math.Ceiling((requestedCost - budget.CurrentlyAvailable) / budget.RestoreRatePerSecond);
            response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
        }
    }

    private Task WriteErrorAsync(HttpContext context, int statusCode, string mediaType, string code, string message, CancellationToken cancellationToken)
        => WriteAsync(context, statusCode, mediaType, GraphQLRequestPipeline<TSchema>.Fail(code, message), cancellationToken);

    private async Task WriteAsync(HttpContext context, int statusCode, string mediaType, ExecutionResult result, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, cancellationToken);
    }
}
