using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>A rule as a client writes it.</summary>
public sealed class TerritoryRuleInputGraphType : InputObjectGraphType
{
    public TerritoryRuleInputGraphType()
    {
        Name = "TerritoryRuleInput";
        Description = "One territory rule. Set the fields its `kind` uses; attributes are country, region (or state), county, city, postalCode, industry, employeeCount, annualRevenue, potential.";
        Field<NonNullGraphType<TerritoryRuleKindGraphType>>("kind").Description("The operator.");
        Field<StringGraphType>("attribute").Description("The account attribute (EQUAL_TO, IN_LIST, RANGE).");
        Field<StringGraphType>("value").Description("The value (EQUAL_TO).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("values").Description("The values (IN_LIST) or prefixes (POSTAL_PREFIX).");
        Field<DecimalStringGraphType>("min").Description("Inclusive lower bound (RANGE).");
        Field<DecimalStringGraphType>("max").Description("Inclusive upper bound (RANGE).");
        Field<ListGraphType<NonNullGraphType<TerritoryRuleInputGraphType>>>("operands").Description("Nested rules (ALL_OF, ANY_OF).");
    }
}
