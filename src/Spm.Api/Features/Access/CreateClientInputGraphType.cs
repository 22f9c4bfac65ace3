using GraphQL.Types;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shape of <see cref="CreateClientInput"/>.</summary>
public sealed class CreateClientInputGraphType : InputObjectGraphType<CreateClientInput>
{
    public CreateClientInputGraphType()
    {
        Name = "CreateClientInput";
        Description = "A new partner system or integration (confidential), or a dashboard (public, with `redirectUris`).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("A name for people, 1 to 100 characters, e.g. \"Payroll export\".");
        Field<NonNullGraphType<AccessRoleGraphType>>("role").Description("PARTNER (read-only) or ADMIN (integration); other roles are refused.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes")
            .Description("Scopes the client may ask for; each must be one the role can use (a partner: `spm.read`, `leaderboards.read`).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("redirectUris")
            .Description("Makes a dashboard: a public browser client for people (authorization code + PKCE, refresh tokens, no secret) "
                + "that may redirect only to these exact URIs (https, or http on loopback; at most 10). Tokens then carry the signed-in "
                + "person's role, never more than `role` and `scopes` allow. Omit for a confidential client (client credentials).");
        Field<BooleanGraphType>("persistedDocumentsOnly").Description("Allow only persisted documents, never free-form queries (default false).");
    }
}
