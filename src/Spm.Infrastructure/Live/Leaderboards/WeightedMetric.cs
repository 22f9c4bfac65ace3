using Spm.Domain.Live;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>One metric of a board with its weight (points per unit); a single-metric board has one of weight 1.</summary>
public sealed record WeightedMetric(LiveMetric Metric, decimal Weight);
