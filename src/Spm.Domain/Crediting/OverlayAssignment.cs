namespace Spm.Domain.Crediting;

/// <summary>A specialist assigned to a territory on top of its owners, in a role (e.g. "solutions engineer").</summary>
public readonly record struct OverlayAssignment(Guid ParticipantId, string Role);
