namespace Spm.Domain.Crediting;

/// <summary>What crediting needs to know of a participant: the name for reasons and the pay currency.</summary>
public sealed record CreditParticipant(Guid Id, string Name, string PayCurrency);
