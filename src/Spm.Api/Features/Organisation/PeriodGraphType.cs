using GraphQL.Types;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Organisation;

/// <summary>A fiscal period.</summary>
public sealed class PeriodGraphType : ObjectGraphType<Period>
{
    public const string TypeName = "Period";

    public PeriodGraphType()
    {
        Name = TypeName;
        Description = "A period of the tenant's fiscal calendar: a fiscal year, quarter or month. Fiscal years are named after the calendar year in which they end.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Period;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<PeriodKindGraphType>>("kind").Description("Year, quarter or month.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("fiscalYear").Description("The fiscal year the period belongs to.").Resolve(c => c.Source.FiscalYear);
        Field<NonNullGraphType<IntGraphType>>("number").Description("Position in the fiscal year: quarter 1-4 or month 1-12 (1 for a year).").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Display name such as FY2027, FY2027-Q1 or FY2027-M01.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<CalendarDateGraphType>>("startDate").Description("First day of the period.").Resolve(c => c.Source.StartDate);
        Field<NonNullGraphType<CalendarDateGraphType>>("endDate").Description("Last day of the period, inclusive.").Resolve(c => c.Source.EndDate);
        Field<PeriodGraphType>("parent").Description("The quarter of a month, the year of a quarter; null for a year.")
            .Resolve(c => c.Source.ParentId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().PeriodById.LoadAsync(id) : null);
    }
}
