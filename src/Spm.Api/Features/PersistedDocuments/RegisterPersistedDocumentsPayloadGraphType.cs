using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.PersistedDocuments;

/// <summary>GraphQL shape of <see cref="RegisterPersistedDocumentsPayload"/>.</summary>
public sealed class RegisterPersistedDocumentsPayloadGraphType : ObjectGraphType<RegisterPersistedDocumentsPayload>
{
    public RegisterPersistedDocumentsPayloadGraphType()
    {
        Name = "RegisterPersistedDocumentsPayload";
        Description = "Result of `registerPersistedDocuments`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("documentIds")
            .Description("The `documentId` of each input document, in input order (also for documents that were already registered); empty when `errors` is not.")
            .Resolve(c => c.Source.DocumentIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors")
            .Description("Why nothing was registered; `field` names the offending document, e.g. `[\"input\", \"documents\", \"2\"]`.")
            .Resolve(c => c.Source.Errors);
    }
}
