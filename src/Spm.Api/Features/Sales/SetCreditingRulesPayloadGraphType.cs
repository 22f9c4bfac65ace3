using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>GraphQL shape of <see cref="SetCreditingRulesPayload"/>.</summary>
public sealed class SetCreditingRulesPayloadGraphType : ObjectGraphType<SetCreditingRulesPayload>
{
    public SetCreditingRulesPayloadGraphType()
    {
        Name = "SetCreditingRulesPayload";
        Description = "Result of `setCreditingRules`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditRuleGraphType>>>>("rules").Description("The stored rule set in evaluation order; empty when `errors` is not.").Resolve(c => c.Source.Rules);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was written; `field` names the rule, e.g. `[\"input\", \"rules\", \"0\", \"effectiveTo\"]`.").Resolve(c => c.Source.Errors);
    }
}
