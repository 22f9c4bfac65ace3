using Spm.Api.Features.Relay;
using Spm.Infrastructure.PersistedDocuments;

namespace Spm.Api.Features.PersistedDocuments;

/// <summary>A page of persisted documents.</summary>
public sealed class PersistedDocumentConnectionGraphType() : ConnectionGraphType<PersistedDocumentGraphType, PersistedDocument>("PersistedDocument", "persisted documents");
