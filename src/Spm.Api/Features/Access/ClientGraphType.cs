using GraphQL.Types;
using Spm.Api.Features.Relay;

namespace Spm.Api.Features.Access;

/// <summary>A registered partner system or integration.</summary>
public sealed class ClientGraphType : ObjectGraphType<ClientView>
{
    public const string TypeName = "Client";

    public ClientGraphType()
    {
        Name = TypeName;
        Description = "A partner system or integration that signs in with client credentials. Its secret is shown only once, when created or rotated.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is ClientView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("clientId").Description("The OAuth `client_id` the system authenticates with.").Resolve(c => c.Source.ClientId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("A name for people, e.g. \"Payroll export\".").Resolve(c => c.Source.Name);
        Field<AccessRoleGraphType>("role").Description("PARTNER (read-only) or ADMIN (integration).").Resolve(c => AccessRoles.FromClaim(c.Source.Role));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes").Description("Scopes the client may ask for, sorted.").Resolve(c => c.Source.Scopes);
        Field<NonNullGraphType<BooleanGraphType>>("persistedDocumentsOnly").Description("True when the client may send only persisted documents, never free-form queries.").Resolve(c => c.Source.PersistedDocumentsOnly);
        Field<DateTimeGraphType>("createdAt").Description("When it was created through the API (UTC); null for clients registered otherwise (e.g. seeded).").Resolve(c => c.Source.CreatedAt?.UtcDateTime);
        Field<DateTimeGraphType>("revokedAt").Description("When it was revoked (UTC); null while active. A revoked client gets no tokens and its tokens are refused.").Resolve(c => c.Source.RevokedAt?.UtcDateTime);
    }
}
