using Spm.Api.Graph;

namespace Spm.Api.Features.PersistedDocuments;

/// <summary>The ids of the registered documents, in input order, or why nothing was registered.</summary>
public sealed record RegisterPersistedDocumentsPayload(IReadOnlyList<string> DocumentIds, IReadOnlyList<UserError> Errors);
