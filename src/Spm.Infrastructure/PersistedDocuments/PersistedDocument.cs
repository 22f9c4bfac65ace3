namespace Spm.Infrastructure.PersistedDocuments;

/// <summary>
/// One trusted GraphQL document of the allow-list. Global documents (no tenant) ship with the
/// product and every tenant may run them; a tenant's own documents are visible to it alone.
/// The id is computed here from the exact text, so it can never disagree with the text.
/// </summary>
public sealed class PersistedDocument
{
    public PersistedDocument(Guid id, string text, Guid? tenantId, string registeredBy, DateTimeOffset registeredAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        DocumentId = PersistedDocumentIds.Compute(text);
        TenantId = tenantId;
        RegisteredBy = registeredBy;
        RegisteredAt = registeredAt;
    }

    // For EF Core.
    private PersistedDocument()
    {
        Text = DocumentId = RegisteredBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the UTF-8 text.</summary>
    public string DocumentId { get; private set; }

    public string Text { get; private set; }

    /// <summary>The tenant whose admin registered it; null for a global document.</summary>
    public Guid? TenantId { get; private set; }

    /// <summary>Subject of whoever registered it (a user or client id, or "spm" for the command line).</summary>
    public string RegisteredBy { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }
}
