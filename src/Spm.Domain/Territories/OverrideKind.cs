namespace Spm.Domain.Territories;

/// <summary>An explicit exception to the rules for one account.</summary>
public enum OverrideKind
{
    /// <summary>The account belongs to the territory whatever the rules say.</summary>
    Include,

    /// <summary>The rules may not place the account in the territory (or below it); it falls to the next match.</summary>
    Exclude,
}
