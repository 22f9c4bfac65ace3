using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shape of <see cref="RevokeClientPayload"/>.</summary>
public sealed class RevokeClientPayloadGraphType : ObjectGraphType<RevokeClientPayload>
{
    public RevokeClientPayloadGraphType()
    {
        Name = "RevokeClientPayload";
        Description = "The revoked client: it gets no new tokens and its existing tokens are refused.";
        Field<ClientGraphType>("client").Description("The client, with `revokedAt` set; null when refused.").Resolve(c => c.Source.Client);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the mutation was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
