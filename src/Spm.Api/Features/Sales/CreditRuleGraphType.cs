using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Crediting;

namespace Spm.Api.Features.Sales;

/// <summary>One crediting rule.</summary>
public sealed class CreditRuleGraphType : ObjectGraphType<CreditRule>
{
    public CreditRuleGraphType()
    {
        Name = "CreditRule";
        Description = "A crediting rule, effective-dated and ordered: for each kind, the first rule in `order` matching a sale's product and segment fires (overlays per specialist); roll-ups run last.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Rule id; credits name the rule that produced them.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name shown in credit reasons and admin screens.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<CreditRuleKindGraphType>>("kind").Description("What the rule credits.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("order").Description("Evaluation order, lowest first.").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First close date the rule applies to.").Resolve(c => c.Source.EffectiveFrom);
        Field<CalendarDateGraphType>("effectiveTo").Description("Last close date the rule applies to; null while current.").Resolve(c => c.Source.EffectiveTo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("products").Description("Products the rule is limited to; empty for all.").Resolve(c => c.Source.Products);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("segments").Description("Segments the rule is limited to; empty for all.").Resolve(c => c.Source.Segments);
        Field<NonNullGraphType<DecimalStringGraphType>>("overlayPercent").Description("Overlay rules: percentage of the sale each specialist is credited.").Resolve(c => c.Source.OverlayPercent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("overlayRoles").Description("Overlay rules: roles credited; empty for all.").Resolve(c => c.Source.OverlayRoles);
    }
}
