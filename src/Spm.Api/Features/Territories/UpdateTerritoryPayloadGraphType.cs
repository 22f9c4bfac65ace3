namespace Spm.Api.Features.Territories;

/// <summary>Result of updateTerritory.</summary>
public sealed class UpdateTerritoryPayloadGraphType() : TerritoryPayloadGraphType("UpdateTerritoryPayload", "Result of updateTerritory.");
