namespace Spm.Domain.Territories;

/// <summary>A balance index (coefficient of variation) before and after the proposal.</summary>
public sealed record MetricBalance(BalanceMetric Metric, decimal Before, decimal After);
