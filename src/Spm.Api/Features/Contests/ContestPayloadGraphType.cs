using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Contests;

/// <summary>GraphQL shape of <see cref="ContestPayload"/>.</summary>
public sealed class ContestPayloadGraphType : ObjectGraphType<ContestPayload>
{
    public ContestPayloadGraphType()
    {
        Name = "ContestPayload";
        Description = "Result of a contest mutation.";
        Field<ContestGraphType>("contest").Description("The contest after the change; null when refused.").Resolve(c => c.Source.Contest);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was written; `field` names the input, e.g. `[\"input\", \"endsAt\"]`.").Resolve(c => c.Source.Errors);
    }
}
