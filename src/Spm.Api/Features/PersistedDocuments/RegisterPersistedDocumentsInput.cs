namespace Spm.Api.Features.PersistedDocuments;

/// <summary>Documents to add to the caller's tenant's allow-list.</summary>
public sealed record RegisterPersistedDocumentsInput(IReadOnlyList<string> Documents);
