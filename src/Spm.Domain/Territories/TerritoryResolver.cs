using System.Collections.ObjectModel;

namespace Spm.Domain.Territories;

/// <summary>
/// The territories in force on one date, compiled for bulk resolution. Each leaf's rule path (its own rule AND its
/// ancestors') becomes one delegate, and an index from attribute values and postal prefixes to leaves narrows each
/// account to a few candidates, which are then tried in hierarchy order. Agrees exactly with
/// <see cref="NaiveTerritoryResolver"/>. Immutable, so one instance can serve many threads.
/// </summary>
public sealed class TerritoryResolver : ITerritoryResolver
{
    // Index entries pack (leaf rank, group) into one int; a leaf indexes at most MaxGroups of its AND operands.
    private const int GroupBits = 5;
    private const int MaxGroups = 30;
    private static readonly ReadOnlyCollection<Guid> EmptyPath = new([]);

    [ThreadStatic]
    private static int[]? scratchHits;

    private readonly Leaf[] leaves;
    private readonly Dictionary<string, int[]>?[] textIndex;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>>[] textLookup;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;
    private readonly int[] prefixLengths;
    private readonly int[] always;
    private readonly int[] required;
    private readonly Dictionary<Guid, (Guid TerritoryId, IReadOnlyList<Guid> Path)> overrides;
    private readonly Dictionary<Guid, HashSet<Guid>> exclusions;

    private TerritoryResolver(
        TerritoryHierarchy hierarchy,
        DateOnly asOf,
        Leaf[] leaves,
        Dictionary<string, int[]>?[] textIndex,
        Dictionary<string, int[]> prefixIndex,
        int[] always,
        int[] required,
        Dictionary<Guid, (Guid, IReadOnlyList<Guid>)> overrides,
        Dictionary<Guid, HashSet<Guid>> exclusions)
    {
        Hierarchy = hierarchy;
        AsOf = asOf;
        this.leaves = leaves;
        this.textIndex = textIndex;
        textLookup = textIndex.Select(d => (d ?? []).GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
        prefixLookup = prefixIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLengths = prefixIndex.Keys.Select(k => k.Length).Distinct().Order().ToArray();
        this.always = always;
        this.required = required;
        this.overrides = overrides;
        this.exclusions = exclusions;
    }

    public TerritoryHierarchy Hierarchy { get; }

    public DateOnly AsOf { get; }

    /// <summary>Number of leaves that can match by rule on <see cref="AsOf"/>.</summary>
    public int LeafCount => leaves.Length;

    public static TerritoryResolver Compile(TerritoryHierarchy hierarchy, DateOnly on, IEnumerable<AccountOverride>? overrides = null, IEnumerable<AccountExclusion>? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        var leaves = new List<Leaf>();
        var atoms = new List<List<Atoms>>();
        CollectLeaves(hierarchy, on, null, [], [], leaves, atoms);

        var textBuilders = new Dictionary<string, List<int>>?[Enum.GetValues<AccountField>().Length];
        var prefixBuilder = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var always = new List<int>();
        var required = new int[leaves.Count];
        for (var rank = 0; rank < leaves.Count; rank++)
        {
            var groups = atoms[rank];
            if (groups.Count == 0)
            {
                always.Add(rank);
                continue;
            }

            // Every group is necessary; a leaf is a candidate only when the account hits all of them.
            required[rank] = (1 << groups.Count) - 1;
            for (var g = 0; g < groups.Count; g++)
            {
                var entry = (rank << GroupBits) | g;
                foreach (var (field, value) in groups[g].Values)
                {
                    var builder = textBuilders[(int)field] ??= new(StringComparer.OrdinalIgnoreCase);
                    AddEntry(builder, value, entry);
                }

                foreach (var prefix in groups[g].Prefixes)
                {
                    AddEntry(prefixBuilder, prefix, entry);
                }
            }
        }

        return new TerritoryResolver(
            hierarchy,
            on,
            [.. leaves],
            textBuilders.Select(b => b?.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase)).ToArray(),
            prefixBuilder.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            [.. always],
            required,
            OverrideTable.Build(hierarchy, on, overrides),
            OverrideTable.Exclusions(exclusions));
    }

    public TerritoryAssignment Resolve(AccountAttributes account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (overrides.TryGetValue(account.AccountId, out var o))
        {
            return new TerritoryAssignment(account.AccountId, o.TerritoryId, o.Path, true);
        }

        var first = FirstMatch(account);
        return first < 0
            ? new TerritoryAssignment(account.AccountId, null, EmptyPath, false)
            : new TerritoryAssignment(account.AccountId, leaves[first].Id, leaves[first].Path, false);
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
        var candidates = Candidates(account);
        var result = new List<Guid>();
        exclusions.TryGetValue(account.AccountId, out var excluded);
        foreach (var rank in candidates)
        {
            if (leaves[rank].Match(account) && !IsExcluded(leaves[rank], excluded))
            {
                result.Add(leaves[rank].Id);
            }
        }

        return result;
    }

    private int FirstMatch(AccountAttributes account)
    {
        exclusions.TryGetValue(account.AccountId, out var excluded);
        foreach (var rank in Candidates(account))
        {
            if (leaves[rank].Match(account) && !IsExcluded(leaves[rank], excluded))
            {
                return rank;
            }
        }

        return -1;
    }

    // Exclusions are rare, so they are checked only for the accounts that have them, on the matched leaf's path.
    private static bool IsExcluded(Leaf leaf, HashSet<Guid>? excluded)
    {
        if (excluded is null)
        {
            return false;
        }

        foreach (var id in leaf.Path)
        {
            if (excluded.Contains(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Leaf ranks that might match, ascending and distinct; every leaf that can match is among them.</summary>
    private List<int> Candidates(AccountAttributes account)
    {
        // Per-thread scratch keeps the resolver immutable and thread-safe without allocating per account.
        var hits = scratchHits is { } h && h.Length >= leaves.Length ? h : scratchHits = new int[leaves.Length];
        var touched = new List<int>(16);
        for (var f = 0; f < textIndex.Length; f++)
        {
            if (textIndex[f] is null)
            {
                continue;
            }

            var value = AccountFields.Text(account, (AccountField)f);
            if (value is not null && textLookup[f].TryGetValue(value.AsSpan(), out var entries))
            {
                Hit(hits, touched, entries);
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

                if (prefixLookup.TryGetValue(code.AsSpan(0, length), out var entries))
                {
                    Hit(hits, touched, entries);
                }
            }
        }

        var candidates = new List<int>(always.Length + touched.Count);
        candidates.AddRange(always);
        foreach (var rank in touched)
        {
            if (hits[rank] == required[rank])
            {
                candidates.Add(rank);
            }

            hits[rank] = 0;
        }

        candidates.Sort();
        return candidates;
    }

    private static void Hit(int[] hits, List<int> touched, int[] entries)
    {
        foreach (var entry in entries)
        {
            var rank = entry >> GroupBits;
            if (hits[rank] == 0)
            {
                touched.Add(rank);
            }

            hits[rank] |= 1 << (entry & ((1 << GroupBits) - 1));
        }
    }

    private static void AddEntry(Dictionary<string, List<int>> index, string key, int entry)
    {
        if (!index.TryGetValue(key, out var entries))
        {
            index[key] = entries = [];
        }

        // A group listing the same key twice must not be counted twice.
        if (entries.Count == 0 || entries[^1] != entry)
        {
            entries.Add(entry);
        }
    }

    private static void CollectLeaves(
        TerritoryHierarchy hierarchy,
        DateOnly on,
        Guid? parent,
        List<Guid> path,
        List<RuleExpression> rules,
        List<Leaf> leaves,
        List<List<Atoms>> atoms)
    {
        foreach (var node in hierarchy.EffectiveChildren(parent, on))
        {
            path.Add(node.Id);
            if (node.Rule is not null)
            {
                rules.Add(node.Rule);
            }

            if (hierarchy.EffectiveChildren(node.Id, on).Count > 0)
            {
                CollectLeaves(hierarchy, on, node.Id, path, rules, leaves, atoms);
            }
            else if (node.Rule is not null)
            {
                // A leaf without a rule holds explicitly assigned accounts only, so it never needs an index entry.
                var conjunction = new AllOfRule([.. rules]);
                leaves.Add(new Leaf(node.Id, new ReadOnlyCollection<Guid>([.. path]), RuleCompiler.Compile(conjunction)));
                atoms.Add(Atoms.Groups(conjunction));
            }

            if (node.Rule is not null)
            {
                rules.RemoveAt(rules.Count - 1);
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private sealed record Leaf(Guid Id, ReadOnlyCollection<Guid> Path, Func<AccountAttributes, bool> Match);

    /// <summary>
    /// Keys at least one of which an account must have for a rule to match it. Null means the rule cannot be narrowed
    /// that way (a numeric range, or an OR with such a branch), so its leaf is tried for every account.
    /// </summary>
    private sealed record Atoms(List<(AccountField Field, string Value)> Values, List<string> Prefixes)
    {
        private int Specificity => Math.Min(
            Values.Count == 0 ? int.MaxValue : Values.Min(v => Rank(v.Field)),
            Prefixes.Count == 0 ? int.MaxValue : Rank(AccountField.PostalCode));

        private int Size => Values.Count + Prefixes.Count;

        /// <summary>The necessary key sets of each operand of a conjunction (nested ANDs flattened), at most MaxGroups.</summary>
        public static List<Atoms> Groups(AllOfRule conjunction)
        {
            var groups = new List<Atoms>();
            var pending = new Stack<RuleExpression>(conjunction.Operands.Reverse());
            while (pending.Count > 0 && groups.Count < MaxGroups)
            {
                var operand = pending.Pop();
                if (operand is AllOfRule inner)
                {
                    foreach (var o in inner.Operands.Reverse())
                    {
                        pending.Push(o);
                    }
                }
                else if (Necessary(operand) is { } atoms)
                {
                    groups.Add(atoms);
                }
            }

            return groups;
        }

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
