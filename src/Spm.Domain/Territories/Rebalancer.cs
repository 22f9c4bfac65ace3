namespace Spm.Domain.Territories;

/// <summary>
/// Proposes moves between sibling territories that even out potential and workload while disturbing as few
/// accounts as it can. Greedy: each step takes the few most-loaded and least-loaded territories and makes the single
/// move that lowers the objective most; it stops when no move gains more than the minimum. Deterministic: ties go to
/// the earlier unit in input order, then the earlier destination in sibling order.
/// </summary>
/// <remarks>
/// Objective = w_p * CV(potential)^2 + w_a * CV(account count)^2. Means do not change when units move, so the change of
/// one move is closed-form: moving (p, a) from s to d changes the objective by
/// 2/n * [w_p/mean_p^2 * p * (P_d - P_s + p) + w_a/mean_a^2 * a * (A_d - A_s + a)].
/// Each unit moves at most once, which bounds the run and keeps proposals explainable.
/// Contiguity (neighbouring postal codes) is not considered.
/// </remarks>
public static class Rebalancer
{
    public static RebalanceProposal Propose(IReadOnlyList<Guid> siblings, IReadOnlyList<RebalanceUnit> units, RebalanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(options);
        Validate(siblings, options);
        var n = siblings.Count;
        var index = new Dictionary<Guid, int>(n);
        for (var i = 0; i < n; i++)
        {
            if (!index.TryAdd(siblings[i], i))
            {
                throw new TerritoryValidationException("TERRITORY_DUPLICATE", $"Territory {siblings[i]} is listed twice among the siblings.");
            }
        }

        var potential = new double[n];
        var accounts = new double[n];
        var owner = new int[units.Count];
        var members = new List<int>[n];
        var position = new int[units.Count];
        for (var t = 0; t < n; t++)
        {
            members[t] = [];
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            if (!index.TryGetValue(unit.TerritoryId, out var t))
            {
                throw new TerritoryValidationException("TERRITORY_UNKNOWN", $"Unit '{unit.Key}' belongs to territory {unit.TerritoryId}, which is not among the siblings.");
            }

            if (!keys.Add(unit.Key))
            {
                throw new TerritoryValidationException("TERRITORY_UNIT_DUPLICATE", $"Unit '{unit.Key}' appears twice.");
            }

            if (unit.Potential < 0 || unit.AccountCount < 0)
            {
                throw new TerritoryValidationException("TERRITORY_UNIT_NEGATIVE", $"Unit '{unit.Key}' has a negative potential or account count.");
            }

            owner[u] = t;
            position[u] = members[t].Count;
            members[t].Add(u);
            potential[t] += (double)unit.Potential;
            accounts[t] += unit.AccountCount;
        }

        var before = Loads(siblings, units, owner);
        var meanP = potential.Sum() / n;
        var meanA = accounts.Sum() / n;
        var cP = meanP > 0 ? (double)options.PotentialWeight / (meanP * meanP) : 0d;
        var cA = meanA > 0 ? (double)options.WorkloadWeight / (meanA * meanA) : 0d;
        var minimumGain = (double)options.MinimumGain;
        var scale = 2d / n;

        double Load(int t) => (cP * meanP * potential[t]) + (cA * meanA * accounts[t]);

        // Ordered by load then territory position: a deterministic two-ended heap.
        var byLoad = new SortedSet<(double Load, int Territory)>();
        for (var t = 0; t < n; t++)
        {
            byLoad.Add((Load(t), t));
        }

        var moved = new bool[units.Count];
        var moves = new List<UnitMove>();
        var k = Math.Min(options.CandidateTerritories, n);
        var sources = new int[k];
        var destinations = new int[k];
        while (moves.Count < options.MaxMoves)
        {
            var s0 = 0;
            foreach (var entry in byLoad.Reverse())
            {
                sources[s0++] = entry.Territory;
                if (s0 == k)
                {
                    break;
                }
            }

            var d0 = 0;
            foreach (var entry in byLoad)
            {
                destinations[d0++] = entry.Territory;
                if (d0 == k)
                {
                    break;
                }
            }

            var bestGain = minimumGain;
            var bestUnit = -1;
            var bestTo = -1;
            foreach (var s in sources)
            {
                foreach (var u in members[s])
                {
                    if (moved[u])
                    {
                        continue;
                    }

                    var p = (double)units[u].Potential;
                    var a = (double)units[u].AccountCount;
                    foreach (var d in destinations)
                    {
                        if (d == s)
                        {
                            continue;
                        }

                        var delta = scale * ((cP * p * (potential[d] - potential[s] + p)) + (cA * a * (accounts[d] - accounts[s] + a)));
                        var gain = -delta;
                        if (gain > bestGain || (gain == bestGain && bestUnit >= 0 && (u < bestUnit || (u == bestUnit && d < bestTo))))
                        {
                            bestGain = gain;
                            bestUnit = u;
                            bestTo = d;
                        }
                    }
                }
            }

            if (bestUnit < 0)
            {
                break;
            }

            var from = owner[bestUnit];
            byLoad.Remove((Load(from), from));
            byLoad.Remove((Load(bestTo), bestTo));
            potential[from] -= (double)units[bestUnit].Potential;
            accounts[from] -= units[bestUnit].AccountCount;
            potential[bestTo] += (double)units[bestUnit].Potential;
            accounts[bestTo] += units[bestUnit].AccountCount;
            byLoad.Add((Load(from), from));
            byLoad.Add((Load(bestTo), bestTo));

            RemoveMember(members[from], position, bestUnit);
            position[bestUnit] = members[bestTo].Count;
            members[bestTo].Add(bestUnit);
            owner[bestUnit] = bestTo;
            moved[bestUnit] = true;
            moves.Add(new UnitMove(units[bestUnit].Key, siblings[from], siblings[bestTo], units[bestUnit].Potential, units[bestUnit].AccountCount));
        }

        var after = Loads(siblings, units, owner);
        MetricBalance Compare(BalanceMetric metric) => new(
            metric,
            BalanceStatistics.CoefficientOfVariation(before.Select(l => l.Value(metric)).ToArray()),
            BalanceStatistics.CoefficientOfVariation(after.Select(l => l.Value(metric)).ToArray()));
        return new RebalanceProposal(moves, [Compare(BalanceMetric.Potential), Compare(BalanceMetric.AccountCount)], after);
    }

    /// <summary>One unit per account, keyed by account id, in the given order.</summary>
    public static IReadOnlyList<RebalanceUnit> UnitsByAccount(IEnumerable<RebalanceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return accounts
            .Select(a => new RebalanceUnit(a.AccountId.ToString(), a.TerritoryId, a.Potential, 1, [a.AccountId]))
            .ToArray();
    }

    /// <summary>
    /// One unit per postal code and current territory, so a postal area moves whole; accounts without a postal code are
    /// units of their own. Ordered by key (ordinal), so the result does not depend on input order.
    /// </summary>
    public static IReadOnlyList<RebalanceUnit> UnitsByPostalCode(IEnumerable<RebalanceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return accounts
            .GroupBy(a => a.PostalCode is { } pc ? $"{pc}@{a.TerritoryId}" : $"account:{a.AccountId}", StringComparer.Ordinal)
            .Select(g => new RebalanceUnit(
                g.Key,
                g.First().TerritoryId,
                g.Sum(a => a.Potential),
                g.Count(),
                g.Select(a => a.AccountId).Order().ToArray()))
            .OrderBy(u => u.Key, StringComparer.Ordinal)
            .ToArray();
    }

    private static void RemoveMember(List<int> list, int[] position, int unit)
    {
        var at = position[unit];
        var last = list[^1];
        list[at] = last;
        position[last] = at;
        list.RemoveAt(list.Count - 1);
    }

    private static TerritoryLoad[] Loads(IReadOnlyList<Guid> siblings, IReadOnlyList<RebalanceUnit> units, int[] owner)
    {
        var count = new int[siblings.Count];
        var potential = new decimal[siblings.Count];
        for (var u = 0; u < units.Count; u++)
        {
            count[owner[u]] += units[u].AccountCount;
            potential[owner[u]] += units[u].Potential;
        }

        return siblings.Select((id, t) => new TerritoryLoad(id, count[t], potential[t], 0m, 0m)).ToArray();
    }

    private static void Validate(IReadOnlyList<Guid> siblings, RebalanceOptions options)
    {
        if (siblings.Count < 2)
        {
            throw new TerritoryValidationException("TERRITORY_REBALANCE_SIBLINGS", "Rebalancing needs at least two sibling territories.");
        }

        if (options.PotentialWeight < 0 || options.WorkloadWeight < 0 || options.PotentialWeight + options.WorkloadWeight == 0)
        {
            throw new TerritoryValidationException("TERRITORY_REBALANCE_WEIGHTS", "Potential and workload weights must be non-negative and not both zero.");
        }

        if (options.MinimumGain < 0 || options.MaxMoves < 0 || options.CandidateTerritories < 1)
        {
            throw new TerritoryValidationException("TERRITORY_REBALANCE_OPTIONS", "Minimum gain and maximum moves must be non-negative and at least one candidate territory considered.");
        }
    }
}
