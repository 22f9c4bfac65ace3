namespace Spm.Domain.Organisation;

/// <summary>What a participant does in the sales organisation (not what they may access).</summary>
public enum ParticipantRole
{
    Rep = 0,
    Manager = 1,
    Executive = 2,
    Overlay = 3,
    SalesOperations = 4,
    Finance = 5,
}
