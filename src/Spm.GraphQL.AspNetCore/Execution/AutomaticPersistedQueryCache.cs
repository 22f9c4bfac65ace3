using Microsoft.Extensions.Options;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>
/// Apollo automatic persisted queries, hash to text. Per process by design: a miss only costs
/// the client one resend with the full query, so no shared store is needed.
/// </summary>
internal sealed class AutomaticPersistedQueryCache(IOptions<GraphQLTransportOptions> options)
{
    private readonly BoundedLruCache<string, string> _queries = new(options.Value.AutomaticPersistedQueryCacheSize, StringComparer.OrdinalIgnoreCase);

    public bool TryGet(string hash, out string query) => _queries.TryGet(hash, out query);

    public void Set(string hash, string query) => _queries.Set(hash, query);
}
