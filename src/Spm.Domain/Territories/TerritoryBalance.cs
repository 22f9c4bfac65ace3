namespace Spm.Domain.Territories;

/// <summary>Measures how comparable sibling territories are, the first thing to check before setting quotas on them.</summary>
public static class TerritoryBalance
{
    public static BalanceReport Measure(TerritoryHierarchy hierarchy, DateOnly on, IEnumerable<AccountLoad> accounts)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(accounts);
        var totals = new Dictionary<Guid, (int Count, decimal Potential, decimal Pipeline, decimal LastYear)>();
        foreach (var account in accounts)
        {
            // Roll each account up its whole path so areas and regions are measured too.
            foreach (var id in hierarchy.PathTo(account.TerritoryId))
            {
                var t = totals.GetValueOrDefault(id);
                totals[id] = (t.Count + 1, t.Potential + account.Potential, t.Pipeline + account.OpenPipeline, t.LastYear + account.LastYearRevenue);
            }
        }

        var loads = new List<TerritoryLoad>();
        var groups = new List<SiblingBalance>();
        Visit(null);
        return new BalanceReport(loads, groups);

        void Visit(Guid? parent)
        {
            var children = hierarchy.EffectiveChildren(parent, on);
            var childLoads = new List<TerritoryLoad>();
            foreach (var child in children)
            {
                var t = totals.GetValueOrDefault(child.Id);
                var load = new TerritoryLoad(child.Id, t.Count, t.Potential, t.Pipeline, t.LastYear);
                loads.Add(load);
                childLoads.Add(load);
                Visit(child.Id);
            }

            if (childLoads.Count >= 2)
            {
                var ids = childLoads.Select(l => l.TerritoryId).ToArray();
                foreach (var metric in Enum.GetValues<BalanceMetric>())
                {
                    var index = BalanceStatistics.CoefficientOfVariation(childLoads.Select(l => l.Value(metric)).ToArray());
                    groups.Add(new SiblingBalance(parent, ids, metric, index));
                }
            }
        }
    }
}
