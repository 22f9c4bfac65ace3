using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shape of <see cref="UnpairDisplayPayload"/>.</summary>
public sealed class UnpairDisplayPayloadGraphType : ObjectGraphType<UnpairDisplayPayload>
{
    public UnpairDisplayPayloadGraphType()
    {
        Name = "UnpairDisplayPayload";
        Description = "The unpaired screen: its tokens are revoked and refused from now on.";
        Field<DisplayGraphType>("display").Description("The display, with `unpairedAt` set; null when refused.").Resolve(c => c.Source.Display);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the mutation was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
