namespace Spm.Api.Features.Territories;

/// <summary>Result of setTerritoryOverrides.</summary>
public sealed class SetTerritoryOverridesPayloadGraphType() : TerritoryPayloadGraphType("SetTerritoryOverridesPayload", "Result of setTerritoryOverrides.");
