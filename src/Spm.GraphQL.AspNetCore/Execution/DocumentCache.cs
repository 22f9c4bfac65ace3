using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>
/// Parses and fully validates each distinct document once. On a hit only the rules registered
/// for cached documents run (authorization, cost, HTTP method), since they depend on the caller.
/// </summary>
internal sealed class DocumentCache(IOptions<GraphQLTransportOptions> options) : IConfigureExecution
{
    private readonly BoundedLruCache<string, GraphQLDocument> _documents = new(options.Value.DocumentCacheSize, StringComparer.Ordinal);

    // After the ConfigureExecutionOptions hooks (100) that fill CachedDocumentValidationRules.
    public float SortOrder => 200;

    internal int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGet(query, out var cached))
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        var result = await next(options);
        // Only documents that passed every rule are cached; a failure may be the caller's (authorization, budget).
        if (result.Executed && result.Document is { } document)
        {
            _documents.Set(query, document);
        }

        return result;
    }
}
