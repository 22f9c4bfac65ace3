namespace Spm.Domain.Territories;

/// <summary>One proposed move of a unit between sibling territories.</summary>
public sealed record UnitMove(string UnitKey, Guid From, Guid To, decimal Potential, int AccountCount);
