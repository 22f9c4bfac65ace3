namespace Spm.Api.Features.Territories;

/// <summary>Result of createTerritory.</summary>
public sealed class CreateTerritoryPayloadGraphType() : TerritoryPayloadGraphType("CreateTerritoryPayload", "Result of createTerritory.");
