using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Shape shared by the rebalance payloads.</summary>
public abstract class RebalancePayloadGraphType : ObjectGraphType<RebalancePayload>
{
    protected RebalancePayloadGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<RebalanceProposalGraphType>("proposal").Description("The proposal; null when refused.").Resolve(c => c.Source.Proposal);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success. Nothing was written when not empty.").Resolve(c => c.Source.Errors);
    }
}
