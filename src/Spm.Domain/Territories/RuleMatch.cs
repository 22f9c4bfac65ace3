namespace Spm.Domain.Territories;

/// <summary>How a territory's list of rules combines: every rule (AND) or any rule (OR).</summary>
public enum RuleMatch
{
    All,
    Any,
}
