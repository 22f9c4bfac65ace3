using System.Collections.ObjectModel;

namespace Spm.Domain.Territories;

/// <summary>
/// The territories in force on one date, compiled for bulk resolution. Resolution walks the hierarchy top-down like
/// <see cref="NaiveTerritoryResolver"/>, but each node keeps an index from attribute values and postal prefixes to the
/// children whose own rule could match them, so an account only evaluates the few children its values point at
/// instead of every territory. Rules are compiled to delegates once. Agrees exactly with the naive resolver.
/// Immutable (scratch space is per thread), so one instance can serve many threads.
/// </summary>
public sealed class TerritoryResolver : ITerritoryResolver
{
    private static readonly ReadOnlyCollection<Guid> EmptyPath = new([]);

    [ThreadStatic]
    private static List<int>[]? scratch;

    private readonly Node root;
    private readonly int depth;
    private readonly Dictionary<Guid, (Guid TerritoryId, IReadOnlyList<Guid> Path)> overrides;
    private readonly Dictionary<Guid, HashSet<Guid>> exclusions;

    private TerritoryResolver(TerritoryHierarchy hierarchy, DateOnly asOf, Node root, int depth, int leafCount, Dictionary<Guid, (Guid, IReadOnlyList<Guid>)> overrides, Dictionary<Guid, HashSet<Guid>> exclusions)
    {
        Hierarchy = hierarchy;
        AsOf = asOf;
        this.root = root;
        this.depth = depth;
        LeafCount = leafCount;
        this.overrides = overrides;
        this.exclusions = exclusions;
    }

    public TerritoryHierarchy Hierarchy { get; }

    public DateOnly AsOf { get; }

    /// <summary>Number of leaves that can match by rule on <see cref="AsOf"/>.</summary>
    public int LeafCount { get; }

    public static TerritoryResolver Compile(TerritoryHierarchy hierarchy, DateOnly on, IEnumerable<AccountOverride>? overrides = null, IEnumerable<AccountExclusion>? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        var leafCount = 0;
        var maxDepth = 0;
        var root = Build(hierarchy, on, null, [], 1, ref leafCount, ref maxDepth);
        return new TerritoryResolver(hierarchy, on, root, maxDepth, leafCount, OverrideTable.Build(hierarchy, on, overrides), OverrideTable.Exclusions(exclusions));
    }

    public TerritoryAssignment Resolve(AccountAttributes account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (overrides.Count > 0 && overrides.TryGetValue(account.AccountId, out var o))
        {
            return new TerritoryAssignment(account.AccountId, o.TerritoryId, o.Path, true);
        }

        HashSet<Guid>? excluded = null;
        if (exclusions.Count > 0)
        {
            exclusions.TryGetValue(account.AccountId, out excluded);
        }

        var leaf = Walk(root, account, excluded, Lists(), 0, null);
        return leaf is null
            ? new TerritoryAssignment(account.AccountId, null, EmptyPath, false)
            : new TerritoryAssignment(account.AccountId, leaf.Id, leaf.Path, false);
    }

    /// <summary>Resolves many accounts; the result is in the same order.</summary>
    public IReadOnlyList<TerritoryAssignment> ResolveAll(IReadOnlyList<AccountAttributes> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var result = new TerritoryAssignment[accounts.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Resolve(accounts[i]);
        }

        return result;
    }

    public IReadOnlyList<Guid> MatchingLeaves(AccountAttributes account)
    {
        ArgumentNullException.ThrowIfNull(account);
        exclusions.TryGetValue(account.AccountId, out var excluded);
        var result = new List<Guid>();
        Walk(root, account, excluded, Lists(), 0, result);
        return result;
    }

    private List<int>[] Lists()
    {
        var lists = scratch;
        if (lists is null || lists.Length < depth + 1)
        {
            scratch = lists = new List<int>[depth + 1];
            for (var i = 0; i < lists.Length; i++)
            {
                lists[i] = new List<int>(16);
            }
        }

        return lists;
    }

    /// <summary>Depth-first in rule order; returns the first matching leaf, or collects all of them into <paramref name="all"/>.</summary>
    private static Child? Walk(Node node, AccountAttributes account, HashSet<Guid>? excluded, List<int>[] lists, int level, List<Guid>? all)
    {
        var candidates = lists[level];
        node.Candidates(account, candidates);
        foreach (var position in candidates)
        {
            var child = node.Children[position];
            if (excluded?.Contains(child.Id) == true || (child.Match is not null && !child.Match(account)))
            {
                continue;
            }

            if (child.Below is null)
            {
                if (all is null)
                {
                    return child;
                }

                all.Add(child.Id);
            }
            else if (Walk(child.Below, account, excluded, lists, level + 1, all) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static Node Build(TerritoryHierarchy hierarchy, DateOnly on, Guid? parent, List<Guid> path, int level, ref int leafCount, ref int maxDepth)
    {
        maxDepth = Math.Max(maxDepth, level);
        var children = new List<Child>();
        var always = new List<int>();
        var text = new Dictionary<AccountField, Dictionary<string, List<int>>>();
        var prefixes = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var territory in hierarchy.EffectiveChildren(parent, on))
        {
            path.Add(territory.Id);
            Node? below = null;
            if (hierarchy.EffectiveChildren(territory.Id, on).Count > 0)
            {
                below = Build(hierarchy, on, territory.Id, path, level + 1, ref leafCount, ref maxDepth);
            }
            else if (territory.Rule is null)
            {
                // A leaf without a rule holds explicitly assigned accounts only: never a candidate.
                path.RemoveAt(path.Count - 1);
                continue;
            }
            else
            {
                leafCount++;
            }

            var position = children.Count;
            children.Add(new Child(territory.Id, new ReadOnlyCollection<Guid>([.. path]), territory.Rule is null ? null : RuleCompiler.Compile(territory.Rule), below));
            path.RemoveAt(path.Count - 1);

            if (territory.Rule is null || Atoms.Necessary(territory.Rule) is not { } keys)
            {
                always.Add(position);
                continue;
            }

            foreach (var (field, value) in keys.Values)
            {
                if (!text.TryGetValue(field, out var map))
                {
                    text[field] = map = new(StringComparer.OrdinalIgnoreCase);
                }

                Add(map, value, position);
            }

            foreach (var prefix in keys.Prefixes)
            {
                Add(prefixes, prefix, position);
            }
        }

        return new Node([.. children], [.. always], text.Select(kv => new TextIndex(kv.Key, Freeze(kv.Value))).ToArray(), Freeze(prefixes));
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int position)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != position)
        {
            list.Add(position);
        }
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> index) =>
        index.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A child territory: its own compiled rule (null: matches anything) and, unless it is a leaf, its own index.</summary>
    private sealed record Child(Guid Id, ReadOnlyCollection<Guid> Path, Func<AccountAttributes, bool>? Match, Node? Below);

    private sealed class TextIndex(AccountField field, Dictionary<string, int[]> map)
    {
        public AccountField Field { get; } = field;

        public Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The children of one node and the index that narrows them to the few an account can match.</summary>
    private sealed class Node(Child[] children, int[] always, TextIndex[] text, Dictionary<string, int[]> prefixes)
    {
        private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly int[] prefixLengths = [.. prefixes.Keys.Select(k => k.Length).Distinct().Order()];

        public Child[] Children { get; } = children;

        /// <summary>Positions of the children that might match, ascending and distinct; every child that can match is among them.</summary>
        public void Candidates(AccountAttributes account, List<int> result)
        {
            result.Clear();
            result.AddRange(always);
            var sources = always.Length > 0 ? 1 : 0;
            foreach (var index in text)
            {
                var value = AccountFields.Text(account, index.Field);
                if (value is not null && index.Lookup.TryGetValue(value.AsSpan(), out var hits))
                {
                    result.AddRange(hits);
                    sources++;
                }
            }

            if (prefixLengths.Length > 0 && account.PostalCode is { } code)
            {
                foreach (var length in prefixLengths)
                {
                    if (length > code.Length)
                    {
                        break;
                    }

                    if (prefixLookup.TryGetValue(code.AsSpan(0, length), out var hits))
                    {
                        result.AddRange(hits);
                        sources++;
                    }
                }
            }

            // One source is already ascending and distinct; several must be merged into rule order.
            if (sources > 1)
            {
                result.Sort();
                var write = 1;
                for (var read = 1; read < result.Count; read++)
                {
                    if (result[read] != result[write - 1])
                    {
                        result[write++] = result[read];
                    }
                }

                result.RemoveRange(write, result.Count - write);
            }
        }
    }

    private sealed record Atoms(List<(AccountField Field, string Value)> Values, List<string> Prefixes)
    {
        private int Specificity => Math.Min(
            Values.Count == 0 ? int.MaxValue : Values.Min(v => Rank(v.Field)),
            Prefixes.Count == 0 ? int.MaxValue : Rank(AccountField.PostalCode));

        private int Size => Values.Count + Prefixes.Count;

        public static Atoms? Necessary(RuleExpression rule)
        {
            switch (rule)
            {
                case EqualsRule r:
                    return new Atoms([(RuleCompiler.Parse(r.Attribute), r.Value)], []);
                case InListRule r:
                    {
                        var field = RuleCompiler.Parse(r.Attribute);
                        return new Atoms([.. r.Values.Select(v => (field, v))], []);
                    }

                case PostalPrefixRule r:
                    return new Atoms([], [.. r.Prefixes]);
                case AllOfRule r:
                    {
                        // Any one operand's keys are necessary for the AND; keep the most selective.
                        Atoms? best = null;
                        foreach (var operand in r.Operands)
                        {
                            if (Necessary(operand) is { } candidate &&
                                (best is null || candidate.Specificity > best.Specificity ||
                                 (candidate.Specificity == best.Specificity && candidate.Size < best.Size)))
                            {
                                best = candidate;
                            }
                        }

                        return best;
                    }

                case AnyOfRule r:
                    {
                        var union = new Atoms([], []);
                        foreach (var operand in r.Operands)
                        {
                            if (Necessary(operand) is not { } part)
                            {
                                return null;
                            }

                            union.Values.AddRange(part.Values);
                            union.Prefixes.AddRange(part.Prefixes);
                        }

                        return union;
                    }

                default:
                    return null;
            }
        }

        // How narrow a key on this field usually is; only used to pick which AND operand to index.
        private static int Rank(AccountField field) => field switch
        {
            AccountField.PostalCode => 6,
            AccountField.City => 5,
            AccountField.County => 4,
            AccountField.Region => 3,
            AccountField.Industry => 2,
            _ => 1,
        };
    }
}
