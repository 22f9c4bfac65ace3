using System.Security.Claims;

namespace Spm.GraphQL.AspNetCore.Persisted;

/// <summary>Trusted documents by id (<c>sha256:&lt;hex&gt;</c>), e.g. an allow-list in a database.</summary>
public interface IPersistedDocumentStore
{
    /// <summary>
    /// The document text for <paramref name="documentId"/> as <paramref name="user"/> may use it, or
    /// null when unknown to that caller. The caller is passed so a store can keep documents private to
    /// a tenant or client; over WebSocket it is the principal the connection authenticated as.
    /// </summary>
    ValueTask<string?> GetDocumentAsync(string documentId, ClaimsPrincipal user, CancellationToken cancellationToken);
}
