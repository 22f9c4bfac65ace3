namespace Spm.Domain.Contests;

/// <summary>Who may take part when no explicit participant list is given. Stored by name; never renumber.</summary>
public enum ContestScope
{
    /// <summary>Every participant of the tenant.</summary>
    Company = 1,

    /// <summary>The members of one team and its sub-teams.</summary>
    Team = 2,
}
