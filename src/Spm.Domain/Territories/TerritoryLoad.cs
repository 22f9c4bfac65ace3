namespace Spm.Domain.Territories;

/// <summary>Totals of one territory, its descendants' accounts included.</summary>
public sealed record TerritoryLoad(Guid TerritoryId, int AccountCount, decimal Potential, decimal OpenPipeline, decimal LastYearRevenue)
{
    public decimal Value(BalanceMetric metric) => metric switch
    {
        BalanceMetric.Potential => Potential,
        BalanceMetric.AccountCount => AccountCount,
        BalanceMetric.OpenPipeline => OpenPipeline,
        _ => LastYearRevenue,
    };
}
