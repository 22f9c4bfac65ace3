namespace Spm.Api.Features.Territories;

/// <summary>Result of applyRebalance.</summary>
public sealed class ApplyRebalancePayloadGraphType() : RebalancePayloadGraphType("ApplyRebalancePayload", "Result of applyRebalance.");
