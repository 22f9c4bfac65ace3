using GraphQL.Types;

namespace Spm.Api.Features.Plans;

/// <summary>Input fields shared by creating, updating and what-if-ing a plan.</summary>
internal static class SalesPlanInputFields
{
    public static void AddAssumptionFields(ComplexGraphType<object> type)
    {
        type.Field<StringGraphType>("revenueTarget").Description("Revenue target for the fiscal year, a decimal as a string, e.g. \"48000000.00\"; no more decimals than the currency has.");
        type.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("seasonality")
            .Description("Twelve monthly weights as decimal strings, fiscal month 1 first, summing to 1 (within 0.0001); e.g. \"0.08\". Equal months when omitted on create.");
        type.Field<StringGraphType>("productivityPerRampedRepPerMonth").Description("Revenue a fully ramped seller brings in per month, a positive decimal string.");
        type.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("rampCurve")
            .Description("Productivity share by month of tenure as decimal strings between 0 and 1, the hire month first; 100 % after it ends. No ramp when omitted on create.");
        type.Field<StringGraphType>("annualAttritionRate").Description("Expected share of the roster lost over a year, 0 to 1 as a decimal string (\"0.15\" = 15 %). 0 when omitted on create.");
        type.Field<IntGraphType>("hiringLeadTimeMonths").Description("Months from opening a requisition to the hire's first day, 0 to 24. 0 when omitted on create.");
    }
}

/// <summary>Input of `createSalesPlan`.</summary>
public sealed class CreateSalesPlanInputGraphType : InputObjectGraphType
{
    public CreateSalesPlanInputGraphType()
    {
        Name = "CreateSalesPlanInput";
        Description = "A new sales plan for a fiscal year that has none yet.";
        Field<NonNullGraphType<IntGraphType>>("fiscalYear").Description("Fiscal year to plan (named after the calendar year in which it ends); its periods are generated when missing.");
        Field<StringGraphType>("name").Description("Display name; \"FY<year> sales plan\" when omitted.");
        Field<StringGraphType>("currency").Description("ISO 4217 currency of the target; the tenant's reporting currency when omitted.");
        Field<SalesPlanStatusGraphType>("status").Description("Initial status; DRAFT when omitted.");
        SalesPlanInputFields.AddAssumptionFields(this);
    }
}

/// <summary>Input of `updateSalesPlan`.</summary>
public sealed class UpdateSalesPlanInputGraphType : InputObjectGraphType
{
    public UpdateSalesPlanInputGraphType()
    {
        Name = "UpdateSalesPlanInput";
        Description = "Changes to a sales plan; omitted fields keep their values. Period targets are recomputed; allocated quotas are not (allocate again).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the plan.");
        Field<StringGraphType>("name").Description("New display name.");
        Field<SalesPlanStatusGraphType>("status").Description("New status.");
        SalesPlanInputFields.AddAssumptionFields(this);
    }
}

/// <summary>Input of `capacityWhatIf`.</summary>
public sealed class CapacityWhatIfInputGraphType : InputObjectGraphType
{
    public CapacityWhatIfInputGraphType()
    {
        Name = "CapacityWhatIfInput";
        Description = "A plan and the assumptions to vary; omitted fields keep the plan's values. Nothing is saved.";
        Field<NonNullGraphType<IdGraphType>>("planId").Description("Global id of the plan to start from.");
        SalesPlanInputFields.AddAssumptionFields(this);
    }
}
