namespace Spm.Domain.Territories;

/// <summary>A text attribute equals a value (case-insensitive).</summary>
public sealed record EqualsRule(string Attribute, string Value) : RuleExpression;
