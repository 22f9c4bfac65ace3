namespace Spm.Domain.Organisation;

/// <summary>Employment state; terminated participants keep their history but earn nothing new.</summary>
public enum ParticipantStatus
{
    Active = 0,
    OnLeave = 1,
    Terminated = 2,
}
