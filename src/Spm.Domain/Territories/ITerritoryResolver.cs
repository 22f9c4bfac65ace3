namespace Spm.Domain.Territories;

/// <summary>Finds the territory of an account on the date the resolver was built for.</summary>
public interface ITerritoryResolver
{
    TerritoryHierarchy Hierarchy { get; }

    DateOnly AsOf { get; }

    /// <summary>The override if there is one in force, else the first leaf (in hierarchy order) whose rules all match.</summary>
    TerritoryAssignment Resolve(AccountAttributes account);

    /// <summary>Every leaf whose rules match, in hierarchy order, ignoring overrides: the raw material of coverage checks.</summary>
    IReadOnlyList<Guid> MatchingLeaves(AccountAttributes account);
}
