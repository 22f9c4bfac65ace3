using Spm.Domain.Common;

namespace Spm.Domain.Quotas;

/// <summary>
/// Turns allocations and adjustments into changes of stored quotas with their history rows.
/// Pure: it mutates the quotas it is given and returns what to add; the caller saves everything in one go.
/// </summary>
public static class QuotaLedger
{
    /// <summary>
    /// Writes <paramref name="allocated"/> over <paramref name="existingInScope"/> (the stored quotas of the same
    /// type, periods and subjects kinds). Unchanged quotas get no history row, so re-running an allocation is a
    /// no-op; stored quotas the allocation no longer covers (a rep who left) drop to zero.
    /// </summary>
    public static QuotaLedgerResult ApplyAllocation(
        Guid tenantId,
        Guid planId,
        QuotaType type,
        string currency,
        IReadOnlyList<Quota> existingInScope,
        IReadOnlyList<AllocatedQuota> allocated,
        QuotaActor actor)
    {
        ArgumentNullException.ThrowIfNull(existingInScope);
        ArgumentNullException.ThrowIfNull(allocated);
        ArgumentNullException.ThrowIfNull(actor);
        var byKey = existingInScope.ToDictionary(q => (q.SubjectKind, q.SubjectId, q.PeriodId, q.IsOverlay));
        var created = new List<Quota>();
        var changes = new List<QuotaChange>();
        var covered = new HashSet<(QuotaSubjectKind, Guid, Guid, bool)>();
        foreach (var a in allocated)
        {
            var key = (a.Kind, a.SubjectId, a.PeriodId, a.IsOverlay);
            covered.Add(key);
            if (byKey.TryGetValue(key, out var quota))
            {
                Add(changes, quota.Change(a.Amount, a.RampPercentage, QuotaChangeAction.Allocated, actor));
            }
            else
            {
                quota = new Quota(actor.NewId(), tenantId, planId, a.PeriodId, a.Kind, a.SubjectId, type, currency, a.IsOverlay);
                created.Add(quota);
                Add(changes, quota.Change(a.Amount, a.RampPercentage, QuotaChangeAction.Allocated, actor, created: true));
            }
        }

        var dropped = actor with { Reason = "No longer a quota carrier in this allocation." };
        foreach (var quota in existingInScope.Where(q => q.SubjectKind != QuotaSubjectKind.Territory && !covered.Contains((q.SubjectKind, q.SubjectId, q.PeriodId, q.IsOverlay))))
        {
            Add(changes, quota.Change(0m, null, QuotaChangeAction.Allocated, dropped));
        }

        return new QuotaLedgerResult(created, changes);
    }

    /// <summary>
    /// Bottom-up: sets <paramref name="adjusted"/> to <paramref name="amount"/>, re-splits its sub-periods in proportion
    /// to what they held (equally when they held nothing), moves its parent periods by the same difference, and moves
    /// every team above the subject by the same differences, so every level still sums exactly.
    /// </summary>
    /// <param name="periodParents">Parent of each period of the fiscal year (null for the year).</param>
    /// <param name="subjectQuotas">The subject's quotas of the same type and overlay flag in that year.</param>
    /// <param name="ancestorQuotas">The quotas of each team above the subject (nearest first), same type, not overlay.</param>
    public static IReadOnlyList<QuotaChange> Adjust(
        Quota adjusted,
        decimal amount,
        IReadOnlyDictionary<Guid, Guid?> periodParents,
        IReadOnlyList<Quota> subjectQuotas,
        IReadOnlyList<IReadOnlyList<Quota>> ancestorQuotas,
        QuotaActor actor)
    {
        ArgumentNullException.ThrowIfNull(adjusted);
        ArgumentNullException.ThrowIfNull(periodParents);
        ArgumentNullException.ThrowIfNull(subjectQuotas);
        ArgumentNullException.ThrowIfNull(ancestorQuotas);
        ArgumentNullException.ThrowIfNull(actor);
        Quota.RequireAmount(amount, adjusted.Unit, "amount");
        if (adjusted.Status == QuotaStatus.Submitted)
        {
            throw new DomainException("QUOTA_PENDING_APPROVAL", "The quota is submitted for approval; it cannot change until the request is decided.", "quotaId");
        }

        var byPeriod = subjectQuotas.ToDictionary(q => q.PeriodId);
        byPeriod[adjusted.PeriodId] = adjusted;
        var deltas = new Dictionary<Guid, decimal>();
        var newAmounts = new Dictionary<Guid, decimal>();

        // Down: the adjusted period and its sub-periods, re-split.
        var pending = new Queue<(Guid Period, decimal Amount)>();
        pending.Enqueue((adjusted.PeriodId, amount));
        while (pending.Count > 0)
        {
            var (period, value) = pending.Dequeue();
            newAmounts[period] = value;
            deltas[period] = value - byPeriod[period].Amount;
            var children = periodParents.Where(p => p.Value == period && byPeriod.ContainsKey(p.Key)).Select(p => byPeriod[p.Key]).OrderBy(q => q.PeriodId).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            var weights = children.Select(c => c.Amount).ToArray();
            var parts = weights.Sum() == 0
                ? Allocator.SplitEqually(value, children.Count, adjusted.Unit)
                : Allocator.Split(value, weights, adjusted.Unit);
            for (var i = 0; i < children.Count; i++)
            {
                pending.Enqueue((children[i].PeriodId, parts[i]));
            }
        }

        // Up: the parent periods move by the same difference.
        var difference = deltas[adjusted.PeriodId];
        for (var parent = periodParents.GetValueOrDefault(adjusted.PeriodId); parent is { } p; parent = periodParents.GetValueOrDefault(p))
        {
            deltas[p] = difference;
            if (byPeriod.TryGetValue(p, out var q))
            {
                newAmounts[p] = q.Amount + difference;
            }
        }

        var changes = new List<QuotaChange>();
        var resplit = actor with { Reason = $"Follows an adjustment of quota {adjusted.Id}: {actor.Reason}" };
        foreach (var (period, value) in newAmounts)
        {
            var quota = byPeriod[period];
            Add(changes, quota.Change(value, quota.RampPercentage, quota == adjusted ? QuotaChangeAction.Adjusted : QuotaChangeAction.Resplit, quota == adjusted ? actor : resplit));
        }

        if (adjusted.IsOverlay)
        {
            return changes; // Overlay quotas are outside every roll-up.
        }

        foreach (var team in ancestorQuotas)
        {
            foreach (var quota in team)
            {
                if (deltas.TryGetValue(quota.PeriodId, out var delta) && delta != 0)
                {
                    Add(changes, quota.Change(quota.Amount + delta, quota.RampPercentage, QuotaChangeAction.RolledUp, resplit));
                }
            }
        }

        return changes;
    }

    private static void Add(List<QuotaChange> changes, QuotaChange? change)
    {
        if (change is not null)
        {
            changes.Add(change);
        }
    }
}
