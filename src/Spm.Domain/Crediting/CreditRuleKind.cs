namespace Spm.Domain.Crediting;

/// <summary>The kinds of crediting rule; each produces credits of the <see cref="CreditType"/> of the same name.</summary>
public enum CreditRuleKind
{
    Direct = 1,
    Split = 2,
    Territory = 3,
    Overlay = 4,
    Rollup = 5,
}
