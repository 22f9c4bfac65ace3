using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Spm.GraphQL.AspNetCore.Persisted;

/// <summary>Persisted documents held in memory; for tests and hosts without a database.</summary>
public sealed class InMemoryPersistedDocumentStore : IPersistedDocumentStore
{
    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="document"/> and returns its id, <c>sha256:&lt;lowercase hex&gt;</c>.</summary>
    public string Add(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var id = ComputeId(document);
        _documents[id] = document;
        return id;
    }

    /// <inheritdoc />
    public ValueTask<string?> GetDocumentAsync(string documentId, ClaimsPrincipal user, CancellationToken cancellationToken)
        => ValueTask.FromResult(_documents.TryGetValue(documentId, out var document) ? document : null);

    /// <summary>The id of a document: <c>sha256:</c> and the lowercase hex SHA-256 of its UTF-8 text.</summary>
    public static string ComputeId(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
    }
}
