using Spm.Domain.Common;

namespace Spm.Domain.Territories;

/// <summary>
/// A validated set of territories: unique ids, known parents, no cycles, valid rules and dates.
/// Siblings are ordered by priority then id, which is the order rules are tried in.
/// </summary>
public sealed class TerritoryHierarchy
{
    private static readonly IReadOnlyList<TerritoryDefinition> None = [];
    private readonly Dictionary<Guid, TerritoryDefinition> byId;
    private readonly Dictionary<Guid, List<TerritoryDefinition>> children;
    private readonly List<TerritoryDefinition> roots;

    private TerritoryHierarchy(Dictionary<Guid, TerritoryDefinition> byId)
    {
        this.byId = byId;
        children = [];
        roots = [];
        foreach (var territory in byId.Values)
        {
            if (territory.ParentId is { } parent)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(territory);
            }
            else
            {
                roots.Add(territory);
            }
        }

        roots.Sort(SiblingOrder);
        foreach (var list in children.Values)
        {
            list.Sort(SiblingOrder);
        }
    }

    public IReadOnlyList<TerritoryDefinition> Roots => roots;

    public IReadOnlyCollection<TerritoryDefinition> All => byId.Values;

    public TerritoryDefinition this[Guid id] =>
        byId.TryGetValue(id, out var territory)
            ? territory
            : throw new DomainException("TERRITORY_UNKNOWN", $"Unknown territory {id}.");

    public static TerritoryHierarchy Create(IEnumerable<TerritoryDefinition> territories)
    {
        ArgumentNullException.ThrowIfNull(territories);
        var byId = new Dictionary<Guid, TerritoryDefinition>();
        foreach (var territory in territories)
        {
            if (!byId.TryAdd(territory.Id, territory))
            {
                throw new DomainException("TERRITORY_DUPLICATE", $"Territory {territory.Id} ('{territory.Name}') is defined twice.");
            }

            if (territory.EffectiveTo < territory.EffectiveFrom)
            {
                throw new DomainException("TERRITORY_DATES", $"Territory '{territory.Name}' ends ({territory.EffectiveTo}) before it starts ({territory.EffectiveFrom}).");
            }

            if (territory.Rule is not null)
            {
                RuleCompiler.Validate(territory.Rule, territory.Name);
            }
        }

        foreach (var territory in byId.Values)
        {
            if (territory.ParentId is { } parent && !byId.ContainsKey(parent))
            {
                throw new DomainException("TERRITORY_UNKNOWN_PARENT", $"Territory '{territory.Name}' has unknown parent {parent}.");
            }
        }

        DetectCycles(byId);
        return new TerritoryHierarchy(byId);
    }

    public bool Contains(Guid id) => byId.ContainsKey(id);

    public IReadOnlyList<TerritoryDefinition> ChildrenOf(Guid id) => children.TryGetValue(id, out var list) ? list : None;

    /// <summary>Ids from the root down to <paramref name="id"/>.</summary>
    public IReadOnlyList<Guid> PathTo(Guid id)
    {
        var path = new List<Guid>();
        for (Guid? current = id; current is { } c; current = this[c].ParentId)
        {
            path.Add(c);
        }

        path.Reverse();
        return path;
    }

    /// <summary>In force on <paramref name="on"/>, it and every ancestor (a child cannot outlive its parent).</summary>
    public bool IsEffective(Guid id, DateOnly on)
    {
        for (Guid? current = id; current is { } c; current = byId[c].ParentId)
        {
            var t = byId[c];
            if (on < t.EffectiveFrom || (t.EffectiveTo is { } to && on > to))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Children of <paramref name="parentId"/> (roots when null) in force on <paramref name="on"/>, in rule order.</summary>
    public IReadOnlyList<TerritoryDefinition> EffectiveChildren(Guid? parentId, DateOnly on) =>
        (parentId is { } p ? ChildrenOf(p) : Roots).Where(t => IsEffective(t.Id, on)).ToArray();

    private static int SiblingOrder(TerritoryDefinition a, TerritoryDefinition b)
    {
        var byPriority = a.Priority.CompareTo(b.Priority);
        return byPriority != 0 ? byPriority : a.Id.CompareTo(b.Id);
    }

    private static void DetectCycles(Dictionary<Guid, TerritoryDefinition> byId)
    {
        // 0 = unvisited, 1 = on the current walk, 2 = known to reach a root.
        var state = new Dictionary<Guid, int>();
        foreach (var start in byId.Keys.Order())
        {
            var walk = new List<Guid>();
            for (Guid? current = start; current is { } c; current = byId[c].ParentId)
            {
                var s = state.GetValueOrDefault(c);
                if (s == 2)
                {
                    break;
                }

                if (s == 1)
                {
                    var cycle = walk.SkipWhile(id => id != c).Append(c).Select(id => $"'{byId[id].Name}'");
                    throw new DomainException("TERRITORY_CYCLE", $"The territory hierarchy has a cycle: {string.Join(" -> ", cycle)}.");
                }

                state[c] = 1;
                walk.Add(c);
            }

            foreach (var id in walk)
            {
                state[id] = 2;
            }
        }
    }
}
