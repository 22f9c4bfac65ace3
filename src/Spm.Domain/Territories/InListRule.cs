namespace Spm.Domain.Territories;

/// <summary>A text attribute is one of the values (case-insensitive).</summary>
public sealed record InListRule(string Attribute, IReadOnlyList<string> Values) : RuleExpression;
