using GraphQL.Types;

namespace Spm.Api.Features.Territories;

/// <summary>Input of applyRebalance.</summary>
public sealed class ApplyRebalanceInputGraphType : InputObjectGraphType
{
    public ApplyRebalanceInputGraphType()
    {
        Name = "ApplyRebalanceInput";
        Description = "A pending proposal to apply.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal (`RebalanceProposal.id`).");
    }
}
