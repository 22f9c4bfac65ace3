namespace Spm.Api.Features.Territories;

/// <summary>Result of assignTerritoryParticipant.</summary>
public sealed class AssignTerritoryParticipantPayloadGraphType() : AssignmentPayloadGraphType("AssignTerritoryParticipantPayload", "Result of assignTerritoryParticipant.");
