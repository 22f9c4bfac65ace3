namespace Spm.Domain.Territories;

/// <summary>AND: every operand matches.</summary>
public sealed record AllOfRule(IReadOnlyList<RuleExpression> Operands) : RuleExpression;
