namespace Spm.Domain.Territories;

/// <summary>The postal code starts with one of the prefixes (case-insensitive).</summary>
public sealed record PostalPrefixRule(IReadOnlyList<string> Prefixes) : RuleExpression;
