using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>The result of proposing or applying a rebalance.</summary>
public sealed record RebalancePayload(RebalanceView? Proposal, IReadOnlyList<UserError> Errors);
