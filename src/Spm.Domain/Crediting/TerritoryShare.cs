namespace Spm.Domain.Crediting;

/// <summary>A primary owner of a territory and the percentage of each sale in it they are credited.</summary>
public readonly record struct TerritoryShare(Guid ParticipantId, decimal SplitPercent);
