using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Planning;

namespace Spm.Api.Features.Plans;

/// <summary>GraphQL shape of <see cref="CapacityAssumptions"/>.</summary>
public sealed class CapacityAssumptionsGraphType : ObjectGraphType<CapacityAssumptions>
{
    public CapacityAssumptionsGraphType()
    {
        Name = "CapacityAssumptions";
        Description = "The assumptions that turn a revenue target into a number of sellers.";
        Field<NonNullGraphType<DecimalStringGraphType>>("productivityPerRampedRepPerMonth").Description("Revenue a fully ramped seller brings in per month, in the plan currency.").Resolve(c => DecimalStringGraphType.Trim(c.Source.ProductivityPerRampedRepPerMonth));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DecimalStringGraphType>>>>("rampCurve")
            .Description("Productivity share by month of tenure, the hire month first (0.25 = 25 %); 100 % after the curve ends.").Resolve(c => c.Source.RampCurve.Select(DecimalStringGraphType.Trim).ToList());
        Field<NonNullGraphType<DecimalStringGraphType>>("annualAttritionRate").Description("Expected share of the roster lost over a year (0.15 = 15 %), spread evenly over the months.").Resolve(c => DecimalStringGraphType.Trim(c.Source.AnnualAttritionRate));
        Field<NonNullGraphType<IntGraphType>>("hiringLeadTimeMonths").Description("Months from opening a requisition to the new hire's first day.").Resolve(c => c.Source.HiringLeadTimeMonths);
    }
}
