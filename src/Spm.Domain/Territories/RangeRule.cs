namespace Spm.Domain.Territories;

/// <summary>A numeric attribute lies within [Min, Max], both inclusive; a missing bound is open.</summary>
public sealed record RangeRule(string Attribute, decimal? Min, decimal? Max) : RuleExpression;
