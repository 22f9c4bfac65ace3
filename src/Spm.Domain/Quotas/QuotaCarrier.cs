namespace Spm.Domain.Quotas;

/// <summary>A participant who receives a quota from an allocation.</summary>
/// <param name="Weight">Share relative to the other carriers (basis-specific: 1 for equal, potential, custom...).</param>
/// <param name="IsOverlay">An overlay specialist: receives a share of the team's quota outside the split.</param>
public sealed record QuotaCarrier(Guid ParticipantId, Guid TeamId, DateOnly HireDate, decimal Weight, bool IsOverlay = false);
