using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>AND or OR over a territory's rules.</summary>
public sealed class RuleMatchGraphType() : DescribedEnumGraphType<RuleMatch>(
    "TerritoryRuleMatch",
    "How the rules of one territory combine.",
    new Dictionary<RuleMatch, string>
    {
        [RuleMatch.All] = "An account must match every rule (AND).",
        [RuleMatch.Any] = "An account must match at least one rule (OR).",
    });
