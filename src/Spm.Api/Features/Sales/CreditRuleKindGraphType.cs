using Spm.Api.Graph;
using Spm.Domain.Crediting;

namespace Spm.Api.Features.Sales;

/// <summary>The kinds of crediting rule.</summary>
public sealed class CreditRuleKindGraphType() : DescribedEnumGraphType<CreditRuleKind>(
    "CreditRuleKind",
    "What a crediting rule credits; each kind produces credits of the same name.",
    new Dictionary<CreditRuleKind, string>
    {
        [CreditRuleKind.Direct] = "The sale's owner.",
        [CreditRuleKind.Split] = "Co-sellers by their split percentages (which sum to 100).",
        [CreditRuleKind.Territory] = "Whoever owns the account's territory on the close date.",
        [CreditRuleKind.Overlay] = "Specialists assigned to the territory, at the rule's overlay percentage.",
        [CreditRuleKind.Rollup] = "Every manager above the credited reps, once each.",
    });
