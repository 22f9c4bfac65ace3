using Spm.Domain.Territories;
using static Spm.Domain.Tests.Territories.TerritoryFixtures;

namespace Spm.Domain.Tests.Territories;

public sealed class BalanceTests
{
    [Fact]
    public void Coefficient_of_variation_of_ten_twenty_thirty()
    {
        // Mean 20; population variance (100 + 0 + 100) / 3 = 66.67; std dev 8.16496580927726; CV = 8.16496580927726 / 20.
        var cv = BalanceStatistics.CoefficientOfVariation([10m, 20m, 30m]);
        Assert.Equal(0.408248290463863m, Math.Round(cv, 15));
    }

    [Fact]
    public void Coefficient_of_variation_edge_cases()
    {
        Assert.Equal(0m, BalanceStatistics.CoefficientOfVariation([]));
        Assert.Equal(0m, BalanceStatistics.CoefficientOfVariation([0m, 0m]));
        Assert.Equal(0m, BalanceStatistics.CoefficientOfVariation([7m, 7m, 7m]));
        Assert.Equal(0.8m, BalanceStatistics.CoefficientOfVariation([90m, 10m])); // mean 50, std dev 40
    }

    [Fact]
    public void Measures_rolled_up_totals_and_sibling_balance()
    {
        var hierarchy = TerritoryHierarchy.Create(
        [
            Territory(1, null),
            Territory(10, new EqualsRule("city", "a"), parent: 1),
            Territory(11, new EqualsRule("city", "b"), parent: 1, priority: 1),
            Territory(12, new EqualsRule("city", "c"), parent: 1, priority: 2),
        ]);
        AccountLoad[] accounts =
        [
            new(Id(100), Id(10), 10m, 5m, 1m),
            new(Id(101), Id(11), 15m, 0m, 2m),
            new(Id(102), Id(11), 5m, 0m, 3m),
            new(Id(103), Id(12), 30m, 1m, 4m),
        ];

        var report = TerritoryBalance.Measure(hierarchy, Day, accounts);

        Assert.Equal(
            [
                new TerritoryLoad(Id(1), 4, 60m, 6m, 10m),
                new TerritoryLoad(Id(10), 1, 10m, 5m, 1m),
                new TerritoryLoad(Id(11), 2, 20m, 0m, 5m),
                new TerritoryLoad(Id(12), 1, 30m, 1m, 4m),
            ],
            report.Territories);

        // Potential across the three siblings is 10, 20, 30: the CV worked out above.
        var potential = Assert.Single(report.SiblingGroups, g => g.Metric == BalanceMetric.Potential);
        Assert.Equal(Id(1), potential.ParentId);
        Assert.Equal(0.408248290463863m, Math.Round(potential.BalanceIndex, 15));
        Assert.Equal(4, report.SiblingGroups.Count);
    }
}
