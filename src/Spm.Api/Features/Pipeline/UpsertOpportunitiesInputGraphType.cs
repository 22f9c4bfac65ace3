using GraphQL.Types;

namespace Spm.Api.Features.Pipeline;

/// <summary>Input of `upsertOpportunities`.</summary>
public sealed class UpsertOpportunitiesInputGraphType : InputObjectGraphType
{
    public UpsertOpportunitiesInputGraphType()
    {
        Name = "UpsertOpportunitiesInput";
        Description = "A batch of opportunities.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpportunityInputGraphType>>>>("opportunities").Description($"1 to {OpportunityMutations.MaxBatch} opportunities.");
    }
}
