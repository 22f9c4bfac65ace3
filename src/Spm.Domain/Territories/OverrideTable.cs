using Spm.Domain.Common;

namespace Spm.Domain.Territories;

/// <summary>Validates overrides and keeps those whose territory is in force on the date.</summary>
internal static class OverrideTable
{
    public static Dictionary<Guid, (Guid TerritoryId, IReadOnlyList<Guid> Path)> Build(
        TerritoryHierarchy hierarchy, DateOnly on, IEnumerable<AccountOverride>? overrides)
    {
        var table = new Dictionary<Guid, (Guid, IReadOnlyList<Guid>)>();
        var seen = new HashSet<Guid>();
        var paths = new Dictionary<Guid, IReadOnlyList<Guid>>();
        foreach (var o in overrides ?? [])
        {
            if (!seen.Add(o.AccountId))
            {
                throw new DomainException("TERRITORY_OVERRIDE_DUPLICATE", $"Account {o.AccountId} has more than one override.");
            }

            if (!hierarchy.Contains(o.TerritoryId))
            {
                throw new DomainException("TERRITORY_UNKNOWN", $"The override of account {o.AccountId} points to unknown territory {o.TerritoryId}.");
            }

            // An override to a territory not in force that day is dormant: the account falls back to the rules.
            if (hierarchy.IsEffective(o.TerritoryId, on))
            {
                if (!paths.TryGetValue(o.TerritoryId, out var path))
                {
                    paths[o.TerritoryId] = path = hierarchy.PathTo(o.TerritoryId).ToArray().AsReadOnly();
                }

                table[o.AccountId] = (o.TerritoryId, path);
            }
        }

        return table;
    }

    /// <summary>Excluded territory ids per account.</summary>
    public static Dictionary<Guid, HashSet<Guid>> Exclusions(IEnumerable<AccountExclusion>? exclusions)
    {
        var table = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var e in exclusions ?? [])
        {
            if (!table.TryGetValue(e.AccountId, out var set))
            {
                table[e.AccountId] = set = [];
            }

            set.Add(e.TerritoryId);
        }

        return table;
    }
}
