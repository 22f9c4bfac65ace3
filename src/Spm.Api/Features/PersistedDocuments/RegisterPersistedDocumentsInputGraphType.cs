using GraphQL.Types;

namespace Spm.Api.Features.PersistedDocuments;

/// <summary>GraphQL shape of <see cref="RegisterPersistedDocumentsInput"/>.</summary>
public sealed class RegisterPersistedDocumentsInputGraphType : InputObjectGraphType<RegisterPersistedDocumentsInput>
{
    public RegisterPersistedDocumentsInputGraphType()
    {
        Name = "RegisterPersistedDocumentsInput";
        Description = "GraphQL documents to allow for this tenant.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("documents")
            .Description($"1 to {PersistedDocumentMutations.MaxDocumentsPerCall} document texts. Each must parse and validate against the schema; its id is the SHA-256 of the exact text.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var documents = value.TryGetValue("documents", out var list) && list is IEnumerable<object?> items
            ? items.Select(i => i as string ?? string.Empty).ToList()
            : [];
        return new RegisterPersistedDocumentsInput(documents);
    }
}
