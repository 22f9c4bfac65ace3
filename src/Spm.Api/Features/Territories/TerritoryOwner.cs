using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>A participant owning an account through an assignment on <paramref name="TerritoryId"/>.</summary>
public sealed record TerritoryOwner(Guid AssignmentId, Guid ParticipantId, Guid TerritoryId, TerritoryRole Role, decimal SplitPercent);
