namespace Spm.Domain.Territories;

/// <summary>What territories are compared on: opportunity (potential), workload (accounts, pipeline) and history.</summary>
public enum BalanceMetric
{
    Potential,
    AccountCount,
    OpenPipeline,
    LastYearRevenue,
}
