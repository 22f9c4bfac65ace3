using GraphQL.Types;
using Spm.Infrastructure.PersistedDocuments;

namespace Spm.Api.Features.PersistedDocuments;

/// <summary>GraphQL shape of an allow-listed document.</summary>
public sealed class PersistedDocumentGraphType : ObjectGraphType<PersistedDocument>
{
    public PersistedDocumentGraphType()
    {
        Name = "PersistedDocument";
        Description = "A trusted GraphQL document. Clients run it by sending `{\"documentId\": \"sha256:...\"}` instead of the text.";
        Field<NonNullGraphType<StringGraphType>>("documentId")
            .Description("`sha256:` and the lowercase hex SHA-256 of the exact UTF-8 text; what clients send as `documentId`.")
            .Resolve(c => c.Source.DocumentId);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The document exactly as registered.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<BooleanGraphType>>("global")
            .Description("True for a document shipped with Spm (usable by every tenant); false for one registered by this tenant.")
            .Resolve(c => c.Source.TenantId is null);
        Field<NonNullGraphType<StringGraphType>>("registeredBy").Description("Subject (user or client id) that registered it; `spm` for the command line.").Resolve(c => c.Source.RegisteredBy);
        Field<NonNullGraphType<DateTimeGraphType>>("registeredAt").Description("When it was registered (UTC).").Resolve(c => c.Source.RegisteredAt.UtcDateTime);
    }
}
