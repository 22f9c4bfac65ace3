using Spm.Domain.Common;

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
                throw new DomainException("TERRITORY_DUPLICATE", $"Territory {siblings[i]} is listed twice among the siblings.");
            }
        }

        var potential = new double[n];
        var accounts = new double[n];
        var owner = new int[units.Count];

        // Unmoved units per territory, grouped by account count and ordered by (potential, input order): for a given
        // source and destination the best unit is the one nearest an ideal potential, found by two ordered look-ups.
        var movable = new SortedDictionary<int, SortedSet<(double Potential, int Unit)>>[n];
        for (var t = 0; t < n; t++)
        {
            movable[t] = [];
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            if (!index.TryGetValue(unit.TerritoryId, out var t))
            {
                throw new DomainException("TERRITORY_UNKNOWN", $"Unit '{unit.Key}' belongs to territory {unit.TerritoryId}, which is not among the siblings.");
            }

            if (!keys.Add(unit.Key))
            {
                throw new DomainException("TERRITORY_UNIT_DUPLICATE", $"Unit '{unit.Key}' appears twice.");
            }

            if (unit.Potential < 0 || unit.AccountCount < 0)
            {
                throw new DomainException("TERRITORY_UNIT_NEGATIVE", $"Unit '{unit.Key}' has a negative potential or account count.");
            }

            owner[u] = t;
            if (!movable[t].TryGetValue(unit.AccountCount, out var set))
            {
                movable[t][unit.AccountCount] = set = [];
            }

            set.Add(((double)unit.Potential, u));
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
                foreach (var d in destinations)
                {
                    if (d == s)
                    {
                        continue;
                    }

                    // gain(p, a) = -2/n [cP p (dP + p) + cA a (dA + a)] is largest for p nearest -dP / 2 within a group.
                    var dP = potential[d] - potential[s];
                    var dA = accounts[d] - accounts[s];
                    var ideal = -dP / 2;
                    foreach (var (a, set) in movable[s])
                    {
                        if (set.Count == 0)
                        {
                            continue;
                        }

                        foreach (var u in Nearest(set, ideal))
                        {
                            var p = (double)units[u].Potential;
                            var gain = -scale * ((cP * p * (dP + p)) + (cA * a * (dA + a)));
                            if (gain > bestGain || (gain == bestGain && bestUnit >= 0 && (u < bestUnit || (u == bestUnit && d < bestTo))))
                            {
                                bestGain = gain;
                                bestUnit = u;
                                bestTo = d;
                            }
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

            movable[from][units[bestUnit].AccountCount].Remove(((double)units[bestUnit].Potential, bestUnit));
            owner[bestUnit] = bestTo;
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

    /// <summary>The units just below and just above <paramref name="ideal"/>, each the earliest in input order among equal potentials.</summary>
    private static IEnumerable<int> Nearest(SortedSet<(double Potential, int Unit)> set, double ideal)
    {
        // Enumerating a view starts in O(log n); a view's Count would walk all of it.
        foreach (var (p, _) in set.GetViewBetween((double.NegativeInfinity, int.MinValue), (ideal, int.MaxValue)).Reverse())
        {
            foreach (var (_, unit) in set.GetViewBetween((p, int.MinValue), (p, int.MaxValue)))
            {
                yield return unit;
                break;
            }

            break;
        }

        foreach (var (_, unit) in set.GetViewBetween((ideal, int.MinValue), (double.PositiveInfinity, int.MaxValue)))
        {
            yield return unit;
            break;
        }
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
            throw new DomainException("TERRITORY_REBALANCE_SIBLINGS", "Rebalancing needs at least two sibling territories.");
        }

        if (options.PotentialWeight < 0 || options.WorkloadWeight < 0 || options.PotentialWeight + options.WorkloadWeight == 0)
        {
            throw new DomainException("TERRITORY_REBALANCE_WEIGHTS", "Potential and workload weights must be non-negative and not both zero.");
        }

        if (options.MinimumGain < 0 || options.MaxMoves < 0 || options.CandidateTerritories < 1)
        {
            throw new DomainException("TERRITORY_REBALANCE_OPTIONS", "Minimum gain and maximum moves must be non-negative and at least one candidate territory considered.");
        }
    }
}
