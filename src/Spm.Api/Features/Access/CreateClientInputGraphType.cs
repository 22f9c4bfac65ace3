using GraphQL.Types;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shape of <see cref="CreateClientInput"/>.</summary>
public sealed class CreateClientInputGraphType : InputObjectGraphType<CreateClientInput>
{
    public CreateClientInputGraphType()
    {
        Name = "CreateClientInput";
        Description = "A new partner system or integration.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("A name for people, 1 to 100 characters, e.g. \"Payroll export\".");
        Field<NonNullGraphType<AccessRoleGraphType>>("role").Description("PARTNER (read-only) or ADMIN (integration); other roles are refused.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes")
            .Description("Scopes the client may ask for; each must be one the role can use (a partner: `spm.read`, `leaderboards.read`).");
        Field<BooleanGraphType>("persistedDocumentsOnly").Description("Allow only persisted documents, never free-form queries (default false).");
    }
}
