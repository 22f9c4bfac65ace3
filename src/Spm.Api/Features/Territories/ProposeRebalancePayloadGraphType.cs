namespace Spm.Api.Features.Territories;

/// <summary>Result of proposeRebalance.</summary>
public sealed class ProposeRebalancePayloadGraphType() : RebalancePayloadGraphType("ProposeRebalancePayload", "Result of proposeRebalance.");
