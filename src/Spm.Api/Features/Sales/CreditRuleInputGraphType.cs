using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>One rule of the set to store.</summary>
public sealed class CreditRuleInputGraphType : InputObjectGraphType
{
    public CreditRuleInputGraphType()
    {
        Name = "CreditRuleInput";
        Description = "A crediting rule. Keep `id` to keep a rule's identity (credits name it); omit it for a new rule.";
        Field<IdGraphType>("id").Description("The existing rule's id; a new id is made when omitted.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name, at most 200 characters.");
        Field<NonNullGraphType<CreditRuleKindGraphType>>("kind").Description("What the rule credits.");
        Field<NonNullGraphType<IntGraphType>>("order").Description("Evaluation order, lowest first.");
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First close date the rule applies to.");
        Field<CalendarDateGraphType>("effectiveTo").Description("Last close date, inclusive; omit while current.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("products").Description("Limit to these products (exact match).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("segments").Description("Limit to these segments (exact match).");
        Field<DecimalStringGraphType>("overlayPercent").Description("Overlay rules: percentage credited, above 0 and at most 100 (default 100).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("overlayRoles").Description("Overlay rules: roles credited; all when omitted.");
    }
}
