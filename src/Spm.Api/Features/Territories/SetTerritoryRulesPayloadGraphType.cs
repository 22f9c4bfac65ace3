namespace Spm.Api.Features.Territories;

/// <summary>Result of setTerritoryRules.</summary>
public sealed class SetTerritoryRulesPayloadGraphType() : TerritoryPayloadGraphType("SetTerritoryRulesPayload", "Result of setTerritoryRules.");
