namespace Spm.Api.Features.Territories;

/// <summary>Result of unassignTerritoryParticipant.</summary>
public sealed class UnassignTerritoryParticipantPayloadGraphType() : AssignmentPayloadGraphType("UnassignTerritoryParticipantPayload", "Result of unassignTerritoryParticipant.");
