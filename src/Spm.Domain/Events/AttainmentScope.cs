namespace Spm.Domain.Events;

/// <summary>Whose attainment moved.</summary>
public enum AttainmentScope
{
    Participant = 1,
    Team = 2,
    Territory = 3,
}
