namespace Spm.Domain.Territories;

/// <summary>A territory rule: a small expression tree of attribute tests combined with AND / OR.</summary>
public abstract record RuleExpression;
