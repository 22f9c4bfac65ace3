namespace Spm.Domain.Crediting;

/// <summary>The manager chain of the organisation as it stood on a date (reorganisations are effective-dated).</summary>
public interface IManagerChainLookup
{
    /// <summary>
    /// Every manager above <paramref name="participantId"/> on <paramref name="onDate"/>, nearest first, without the
    /// participant; empty at the top. Implementations return cached lists: crediting calls this once per credited rep.
    /// </summary>
    IReadOnlyList<Guid> ManagersAbove(Guid participantId, DateOnly onDate);
}
