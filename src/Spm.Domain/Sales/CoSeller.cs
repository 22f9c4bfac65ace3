namespace Spm.Domain.Sales;

/// <summary>One line of a sale's split table: a seller and the percentage of the sale they share.</summary>
public sealed record CoSeller(Guid ParticipantId, decimal SplitPercent);
