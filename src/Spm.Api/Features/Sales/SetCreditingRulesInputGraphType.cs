using GraphQL.Types;

namespace Spm.Api.Features.Sales;

/// <summary>Input of `setCreditingRules`.</summary>
public sealed class SetCreditingRulesInputGraphType : InputObjectGraphType
{
    public SetCreditingRulesInputGraphType()
    {
        Name = "SetCreditingRulesInput";
        Description = "The tenant's complete rule set; it replaces the stored one.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditRuleInputGraphType>>>>("rules").Description("Every rule, at most 200.");
    }
}
