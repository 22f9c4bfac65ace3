using GraphQL.Types;
using Spm.Infrastructure.Pipeline;

namespace Spm.Api.Features.Pipeline;

/// <summary>One stage move of an opportunity.</summary>
public sealed class OpportunityStageChangeGraphType : ObjectGraphType<OpportunityStageChange>
{
    public OpportunityStageChangeGraphType()
    {
        Name = "OpportunityStageChange";
        Description = "An opportunity entering a stage: the basis of funnel progression and cycle-length measures.";
        Field<StringGraphType>("fromStage").Description("The stage it left; null when the opportunity was created.").Resolve(c => c.Source.FromStage);
        Field<NonNullGraphType<StringGraphType>>("toStage").Description("The stage it entered.").Resolve(c => c.Source.ToStage);
        Field<NonNullGraphType<DateTimeGraphType>>("changedAt").Description("When the move was recorded (UTC).").Resolve(c => c.Source.ChangedAt.UtcDateTime);
    }
}
