namespace Spm.Domain.Crediting;

/// <summary>Participants of one tenant by id; implementations load them once per run, lookups must be cheap.</summary>
public interface IParticipantDirectory
{
    /// <summary>The participant, or null when the id is unknown to the tenant.</summary>
    CreditParticipant? Find(Guid participantId);
}
