namespace Spm.Domain.Territories;

/// <summary>Finds holes and double claims in a territory design before it goes live.</summary>
public static class TerritoryCoverage
{
    public static CoverageReport Check(ITerritoryResolver resolver, IEnumerable<AccountAttributes> accounts)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(accounts);
        var unassigned = new List<Guid>();
        var overlaps = new List<CoverageOverlap>();
        var paths = new Dictionary<Guid, IReadOnlyList<Guid>>();
        foreach (var account in accounts)
        {
            if (resolver.Resolve(account).ByOverride)
            {
                continue;
            }

            var leaves = resolver.MatchingLeaves(account);
            if (leaves.Count == 0)
            {
                unassigned.Add(account.AccountId);
                continue;
            }

            if (leaves.Count == 1)
            {
                continue;
            }

            var leafPaths = leaves.Select(l => paths.TryGetValue(l, out var p) ? p : paths[l] = resolver.Hierarchy.PathTo(l)).ToArray();
            var depth = leafPaths.Max(p => p.Count);
            for (var level = 0; level < depth; level++)
            {
                var claimants = leafPaths.Where(p => p.Count > level).Select(p => p[level]).Distinct().ToArray();
                if (claimants.Length > 1)
                {
                    overlaps.Add(new CoverageOverlap(account.AccountId, level, claimants));
                }
            }
        }

        return new CoverageReport(unassigned, overlaps);
    }
}
