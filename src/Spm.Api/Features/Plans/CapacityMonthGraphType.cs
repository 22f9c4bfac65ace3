using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Graph;

namespace Spm.Api.Features.Plans;

/// <summary>GraphQL shape of one capacity month.</summary>
public sealed class CapacityMonthGraphType : ObjectGraphType<CapacityMonth>
{
    public CapacityMonthGraphType()
    {
        Name = "CapacityMonth";
        Description = "Capacity against target in one month. FTE = a fully ramped equivalent seller; figures are rounded to 4 decimals.";
        Field<PeriodGraphType>("period").Description("The fiscal month; null when the calendar lacks it.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<CalendarDateGraphType>>("month").Description("First day of the month.").Resolve(c => c.Source.Model.Month);
        Field<NonNullGraphType<DecimalStringGraphType>>("target").Description("The month's share of the revenue target.").Resolve(c => c.Source.Model.Target);
        Field<NonNullGraphType<DecimalStringGraphType>>("rosterHeadcount").Description("Sellers of the current roster expected on board, after attrition.").Resolve(c => R(c.Source.Model.RosterHeadcount));
        Field<NonNullGraphType<DecimalStringGraphType>>("rosterRampedFte").Description("Ramped FTE of the current roster, after attrition.").Resolve(c => R(c.Source.Model.RosterRampedFte));
        Field<NonNullGraphType<DecimalStringGraphType>>("rosterCapacity").Description("Revenue the current roster is expected to bring in (FTE x productivity).").Resolve(c => decimal.Round(c.Source.Model.RosterCapacity, 2));
        Field<NonNullGraphType<IntGraphType>>("requiredFte").Description("Ramped sellers needed to make the month's target, rounded up.").Resolve(c => c.Source.Model.RequiredFte);
        Field<NonNullGraphType<DecimalStringGraphType>>("fteGap").Description("Required FTE minus the roster's ramped FTE; negative means spare capacity.").Resolve(c => R(c.Source.Model.FteGap));
        Field<NonNullGraphType<DecimalStringGraphType>>("headcountGap").Description("Required FTE minus the roster's heads: the gap to current headcount if everyone were ramped.")
            .Resolve(c => R(c.Source.Model.RequiredFte - c.Source.Model.RosterHeadcount));
        Field<NonNullGraphType<DecimalStringGraphType>>("capacityGap").Description("Target minus roster capacity, in the plan currency; negative means spare capacity.").Resolve(c => decimal.Round(c.Source.Model.CapacityGap, 2));
        Field<NonNullGraphType<IntGraphType>>("hiresStarting").Description("Planned new hires whose first day falls in this month.").Resolve(c => c.Source.Model.HiresStarting);
        Field<NonNullGraphType<DecimalStringGraphType>>("plannedHireFte").Description("Ramped FTE the planned hires contribute this month.").Resolve(c => R(c.Source.Model.PlannedHireFte));
        Field<NonNullGraphType<DecimalStringGraphType>>("uncoveredFte").Description("FTE still missing after planned hires (they cannot arrive or ramp in time).").Resolve(c => R(c.Source.Model.UncoveredFte));
    }

    private static decimal R(decimal value) => DecimalStringGraphType.Trim(decimal.Round(value, 4));
}
