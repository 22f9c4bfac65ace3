using GraphQL.Types;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Planning;

namespace Spm.Api.Features.Plans;

/// <summary>A sales plan.</summary>
public sealed class SalesPlanGraphType : ObjectGraphType<SalesPlan>
{
    public const string TypeName = "SalesPlan";

    public SalesPlanGraphType()
    {
        Name = TypeName;
        Description = "The company's revenue target for one fiscal year, its seasonality and the capacity assumptions behind it.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is SalesPlan;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("fiscalYear").Description("The fiscal year planned (named after the calendar year in which it ends).").Resolve(c => c.Source.FiscalYear);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Display name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 currency of the target.").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<DecimalStringGraphType>>("revenueTarget").Description("Revenue target for the whole fiscal year.").Resolve(c => decimal.Round(c.Source.RevenueTarget, Spm.Domain.Common.CurrencyCode.MinorUnits(c.Source.Currency)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DecimalStringGraphType>>>>("seasonality")
            .Description("Twelve monthly weights, fiscal month 1 first, summing to 1 (100 %).").Resolve(c => c.Source.SeasonalityWeights.Select(DecimalStringGraphType.Trim).ToList());
        Field<NonNullGraphType<SalesPlanStatusGraphType>>("status").Description("Draft, active or closed.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<CapacityAssumptionsGraphType>>("assumptions").Description("Capacity assumptions stored with the plan.").Resolve(c => c.Source.Assumptions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanTargetGraphType>>>>("targets")
            .Description("Targets of the year, its quarters and its months (in that order), split by seasonality.")
            .Resolve(c => c.Source.Targets.OrderBy(t => t.Kind).ThenBy(t => t.Number).ToList());
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the plan was created (UTC).").Resolve(c => c.Source.CreatedAt.UtcDateTime);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Description("When the plan last changed (UTC).").Resolve(c => c.Source.UpdatedAt.UtcDateTime);
    }
}
