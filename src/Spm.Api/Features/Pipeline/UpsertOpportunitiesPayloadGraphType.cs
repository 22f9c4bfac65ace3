using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Pipeline;

/// <summary>GraphQL shape of <see cref="UpsertOpportunitiesPayload"/>.</summary>
public sealed class UpsertOpportunitiesPayloadGraphType : ObjectGraphType<UpsertOpportunitiesPayload>
{
    public UpsertOpportunitiesPayloadGraphType()
    {
        Name = "UpsertOpportunitiesPayload";
        Description = "Result of `upsertOpportunities`.";
        Field<NonNullGraphType<IntGraphType>>("created").Description("Opportunities new to Spm.").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Known opportunities whose fields changed.").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("stageChanges").Description("Stage-history rows written (one per new opportunity and per stage move).").Resolve(c => c.Source.StageChanges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was written; `field` names the row, e.g. `[\"input\", \"opportunities\", \"0\", \"probability\"]`.").Resolve(c => c.Source.Errors);
    }
}
