namespace Spm.Domain.Territories;

/// <summary>OR: at least one operand matches.</summary>
public sealed record AnyOfRule(IReadOnlyList<RuleExpression> Operands) : RuleExpression;
