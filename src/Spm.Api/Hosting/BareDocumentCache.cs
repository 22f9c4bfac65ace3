using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace Spm.Api.Hosting;

/// <summary>
/// Parse and validate each distinct document once for <see cref="BareGraphQLEndpoint"/>, so the
/// bench compares transport overhead rather than caching. Unbounded: the bench sends few documents.
/// </summary>
internal sealed class BareDocumentCache : IConfigureExecution
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Query is { } query && _documents.TryGetValue(query, out var document))
        {
            options.Document = document;
            options.ValidationRules = [];
            return await next(options);
        }

        var result = await next(options);
        if (options.Query is { } text && result.Executed && result.Document is { } parsed)
        {
            _documents.TryAdd(text, parsed);
        }

        return result;
    }
}
