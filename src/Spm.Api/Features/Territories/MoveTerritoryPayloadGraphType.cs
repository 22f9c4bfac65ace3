namespace Spm.Api.Features.Territories;

/// <summary>Result of moveTerritory.</summary>
public sealed class MoveTerritoryPayloadGraphType() : TerritoryPayloadGraphType("MoveTerritoryPayload", "Result of moveTerritory.");
