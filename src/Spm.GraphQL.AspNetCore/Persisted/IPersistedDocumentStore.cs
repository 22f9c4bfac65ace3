namespace Spm.GraphQL.AspNetCore.Persisted;

/// <summary>Trusted documents by id (<c>sha256:&lt;hex&gt;</c>), e.g. an allow-list in a database.</summary>
public interface IPersistedDocumentStore
{
    /// <summary>The document text for <paramref name="documentId"/>, or null when unknown.</summary>
    ValueTask<string?> GetDocumentAsync(string documentId, CancellationToken cancellationToken);
}
