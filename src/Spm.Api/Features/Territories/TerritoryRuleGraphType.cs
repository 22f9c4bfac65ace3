using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>One node of a territory rule tree.</summary>
public sealed class TerritoryRuleGraphType : ObjectGraphType<RuleExpression>
{
    public TerritoryRuleGraphType()
    {
        Name = "TerritoryRule";
        Description = "A test on account attributes, or an AND / OR of nested rules.";
        Field<NonNullGraphType<TerritoryRuleKindGraphType>>("kind").Description("The operator.").Resolve(c => KindOf(c.Source));
        Field<StringGraphType>("attribute").Description("The account attribute tested (EQUAL_TO, IN_LIST, RANGE); null otherwise.").Resolve(c => c.Source switch
        {
            EqualsRule r => r.Attribute,
            InListRule r => r.Attribute,
            RangeRule r => r.Attribute,
            PostalPrefixRule => "postalCode",
            _ => null,
        });
        Field<StringGraphType>("value").Description("The value of an EQUAL_TO rule; null otherwise.").Resolve(c => c.Source is EqualsRule r ? r.Value : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Description("The values of an IN_LIST rule or the prefixes of a POSTAL_PREFIX rule; empty otherwise.")
            .Resolve(c => c.Source switch
            {
                InListRule r => r.Values,
                PostalPrefixRule r => r.Prefixes,
                _ => [],
            });
        Field<DecimalStringGraphType>("min").Description("Lower bound of a RANGE rule (inclusive); null when open.").Resolve(c => c.Source is RangeRule r ? r.Min : null);
        Field<DecimalStringGraphType>("max").Description("Upper bound of a RANGE rule (inclusive); null when open.").Resolve(c => c.Source is RangeRule r ? r.Max : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryRuleGraphType>>>>("operands").Description("Nested rules of ALL_OF / ANY_OF; empty otherwise.")
            .Resolve(c => c.Source switch
            {
                AllOfRule r => r.Operands,
                AnyOfRule r => r.Operands,
                _ => [],
            });
    }

    public static TerritoryRuleKind KindOf(RuleExpression rule) => rule switch
    {
        EqualsRule => TerritoryRuleKind.EqualTo,
        InListRule => TerritoryRuleKind.InList,
        PostalPrefixRule => TerritoryRuleKind.PostalPrefix,
        RangeRule => TerritoryRuleKind.Range,
        AllOfRule => TerritoryRuleKind.AllOf,
        _ => TerritoryRuleKind.AnyOf,
    };
}
