using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shapes of <see cref="ClientSecretPayload"/> (one per mutation, as the naming convention asks).</summary>
public abstract class ClientSecretPayloadGraphType : ObjectGraphType<ClientSecretPayload>
{
    protected ClientSecretPayloadGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<ClientGraphType>("client").Description("The client; null when the mutation was refused.").Resolve(c => c.Source.Client);
        Field<StringGraphType>("clientSecret")
            .Description("The client secret, shown this once: Spm stores only a hash. Null when refused.")
            .Resolve(c => c.Source.ClientSecret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the mutation was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
