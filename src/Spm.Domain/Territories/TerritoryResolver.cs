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
    private static readonly ReadOnlyCollection<Guid> EmptyPath = new([]);

    private readonly Leaf[] leaves;
    private readonly Dictionary<string, int[]>?[] textIndex;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>>[] textLookup;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;
    private readonly int[] prefixLengths;
    private readonly int[] always;
    private readonly Dictionary<Guid, (Guid TerritoryId, IReadOnlyList<Guid> Path)> overrides;

    private TerritoryResolver(
        TerritoryHierarchy hierarchy,
        DateOnly asOf,
        Leaf[] leaves,
        Dictionary<string, int[]>?[] textIndex,
        Dictionary<string, int[]> prefixIndex,
        int[] always,
        Dictionary<Guid, (Guid, IReadOnlyList<Guid>)> overrides)
    {
        Hierarchy = hierarchy;
        AsOf = asOf;
        this.leaves = leaves;
        this.textIndex = textIndex;
        textLookup = textIndex.Select(d => (d ?? []).GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
        prefixLookup = prefixIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLengths = prefixIndex.Keys.Select(k => k.Length).Distinct().Order().ToArray();
        this.always = always;
        this.overrides = overrides;
    }

    public TerritoryHierarchy Hierarchy { get; }

    public DateOnly AsOf { get; }

    /// <summary>Number of leaves that can match by rule on <see cref="AsOf"/>.</summary>
    public int LeafCount => leaves.Length;

    public static TerritoryResolver Compile(TerritoryHierarchy hierarchy, DateOnly on, IEnumerable<AccountOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        var leaves = new List<Leaf>();
        var atoms = new List<Atoms?>();
        CollectLeaves(hierarchy, on, null, [], [], leaves, atoms);

        var textBuilders = new Dictionary<string, List<int>>?[Enum.GetValues<AccountField>().Length];
        var prefixBuilder = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var always = new List<int>();
        for (var rank = 0; rank < leaves.Count; rank++)
        {
            if (atoms[rank] is not { } a)
            {
                always.Add(rank);
                continue;
            }

            foreach (var (field, value) in a.Values)
            {
                var builder = textBuilders[(int)field] ??= new(StringComparer.OrdinalIgnoreCase);
                AddRank(builder, value, rank);
            }

            foreach (var prefix in a.Prefixes)
            {
                AddRank(prefixBuilder, prefix, rank);
            }
        }

        return new TerritoryResolver(
            hierarchy,
            on,
            [.. leaves],
            textBuilders.Select(b => b?.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase)).ToArray(),
            prefixBuilder.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            [.. always],
            OverrideTable.Build(hierarchy, on, overrides));
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
        foreach (var rank in candidates)
        {
            if (leaves[rank].Match(account))
            {
                result.Add(leaves[rank].Id);
            }
        }

        return result;
    }

    private int FirstMatch(AccountAttributes account)
    {
        foreach (var rank in Candidates(account))
        {
            if (leaves[rank].Match(account))
            {
                return rank;
            }
        }

        return -1;
    }

    /// <summary>Leaf ranks that might match, ascending and distinct; every leaf that can match is among them.</summary>
    private List<int> Candidates(AccountAttributes account)
    {
        var candidates = new List<int>(always.Length + 8);
        candidates.AddRange(always);
        for (var f = 0; f < textIndex.Length; f++)
        {
            if (textIndex[f] is null)
            {
                continue;
            }

            var value = AccountFields.Text(account, (AccountField)f);
            if (value is not null && textLookup[f].TryGetValue(value.AsSpan(), out var ranks))
            {
                candidates.AddRange(ranks);
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

                if (prefixLookup.TryGetValue(code.AsSpan(0, length), out var ranks))
                {
                    candidates.AddRange(ranks);
                }
            }
        }

        if (candidates.Count > 1)
        {
            candidates.Sort();
            var write = 1;
            for (var read = 1; read < candidates.Count; read++)
            {
                if (candidates[read] != candidates[write - 1])
                {
                    candidates[write++] = candidates[read];
                }
            }

            candidates.RemoveRange(write, candidates.Count - write);
        }

        return candidates;
    }

    private static void AddRank(Dictionary<string, List<int>> index, string key, int rank)
    {
        if (!index.TryGetValue(key, out var ranks))
        {
            index[key] = ranks = [];
        }

        // Ranks arrive in ascending order; a leaf listing the same key twice must not be a candidate twice.
        if (ranks.Count == 0 || ranks[^1] != rank)
        {
            ranks.Add(rank);
        }
    }

    private static void CollectLeaves(
        TerritoryHierarchy hierarchy,
        DateOnly on,
        Guid? parent,
        List<Guid> path,
        List<RuleExpression> rules,
        List<Leaf> leaves,
        List<Atoms?> atoms)
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
                atoms.Add(Atoms.Necessary(conjunction));
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
