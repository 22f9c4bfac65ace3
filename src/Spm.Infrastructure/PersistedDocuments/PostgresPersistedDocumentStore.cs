using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using Spm.GraphQL.AspNetCore.Persisted;

namespace Spm.Infrastructure.PersistedDocuments;

/// <summary>
/// The transport's persisted-document allow-list, read from PostgreSQL with a bounded cache in
/// front. The caller's tenant is applied explicitly in the SQL (the table is not tenant-owned:
/// global rows have no tenant): a caller sees the global documents and its own tenant's, never
/// another tenant's. Found documents stay cached for minutes (an id is the hash of its text, so a
/// cached text is never stale); misses only for seconds, so a document registered on another API
/// node becomes usable here shortly after, and one registered on this node at once (<see cref="Forget"/>).
/// </summary>
public sealed class PostgresPersistedDocumentStore : IPersistedDocumentStore, IDisposable
{
    private const string Sql = """
        SELECT text FROM persisted_documents
        WHERE document_id = $1 AND (tenant_id IS NULL OR tenant_id = $2)
        LIMIT 1
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Func<ClaimsPrincipal, Guid?> _tenantOf;
    private readonly PersistedDocumentCacheOptions _options;
    private readonly MemoryCache _cache;

    /// <param name="dataSource">The application's PostgreSQL data source.</param>
    /// <param name="tenantOf">Reads the caller's tenant from its principal (null: global documents only).</param>
    /// <param name="options">Cache bounds.</param>
    public PostgresPersistedDocumentStore(NpgsqlDataSource dataSource, Func<ClaimsPrincipal, Guid?> tenantOf, PersistedDocumentCacheOptions? options = null)
    {
        _dataSource = dataSource;
        _tenantOf = tenantOf;
        _options = options ?? new PersistedDocumentCacheOptions();
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.MaxEntries) });
    }

    /// <inheritdoc />
    public async ValueTask<string?> GetDocumentAsync(string documentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = new CacheKey(_tenantOf(user), documentId);
        if (_cache.TryGetValue(key, out Entry? cached))
        {
            return cached!.Text;
        }

        await using var command = _dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = documentId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)key.TenantId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        var text = await command.ExecuteScalarAsync(cancellationToken) as string;

        _cache.Set(key, new Entry(text), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = text is null ? _options.MissLifetime : _options.HitLifetime,
        });
        return text;
    }

    /// <summary>Drops what this node remembers about <paramref name="documentId"/> for a tenant, or for everyone when <paramref name="tenantId"/> is null.</summary>
    public void Forget(string documentId, Guid? tenantId)
    {
        if (tenantId is null)
        {
            // A new global document concerns every tenant's cached miss: start afresh (rare: ./spm documents).
            _cache.Clear();
            return;
        }

        _cache.Remove(new CacheKey(tenantId, documentId));
    }

    public void Dispose() => _cache.Dispose();

    private readonly record struct CacheKey(Guid? TenantId, string DocumentId);

    private sealed record Entry(string? Text);
}
