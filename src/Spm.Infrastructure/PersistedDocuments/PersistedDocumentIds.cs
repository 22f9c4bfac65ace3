using Spm.GraphQL.AspNetCore.Persisted;

namespace Spm.Infrastructure.PersistedDocuments;

/// <summary>Document ids as the transport expects them (one definition for the whole system).</summary>
public static class PersistedDocumentIds
{
    /// <summary><c>sha256:&lt;lowercase hex&gt;</c> of the exact UTF-8 text: no trimming, no normalising.</summary>
    public static string Compute(string text) => InMemoryPersistedDocumentStore.ComputeId(text);
}
