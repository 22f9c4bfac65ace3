using System.Buffers;
using System.Globalization;
using Spm.Domain.Common;
using Spm.Domain.Crediting;
using Spm.Domain.Currency;

namespace Spm.Domain.Compensation;

/// <summary>
/// One participant's statement for the period: the whole of the plan math. Pure: reads the shared context and
/// the participant's credits (sorted here into the canonical order), writes only its own lines.
/// </summary>
internal sealed class ParticipantCalculation
{
    private const int EarningKinds = (1 << (int)LineKind.Commission) | (1 << (int)LineKind.GateNotMet) | (1 << (int)LineKind.ComponentCap)
        | (1 << (int)LineKind.Bonus) | (1 << (int)LineKind.Spiff) | (1 << (int)LineKind.PeriodCap) | (1 << (int)LineKind.TotalCap);

    private static readonly int DefaultCommissionMask = Mask(CommissionComponent.DefaultCreditTypes);
    private static readonly int DefaultSpiffMask = Mask(SpiffComponent.DefaultCreditTypes);

    // The sources of every line when lines do not list them (EngineContext.TraceSources off); also marks a tier that
    // was reached. Shared, so never added to.
    private static readonly List<LineSource> Untraced = [];

    private readonly EngineContext ctx;
    private readonly Guid participant;
    private readonly CompCredit[] credits;
    private readonly int[] order;
    private readonly int count;
    private readonly decimal[] pay;

    // Positions (in canonical order) of the credits a component counts: one component at a time fills it.
    private readonly int[] picked;
    private readonly string currency;
    private readonly CompPeriod period;
    private readonly List<PlanSegment> segments = [];
    private readonly List<StatementLine> lines = [];
    private readonly Dictionary<Guid, decimal> cappedByPlan = [];
    private Dictionary<Guid, List<(StatementLine Line, LineSource Source)>>? priorByCredit;

    private ParticipantCalculation(EngineContext ctx, Guid participant, CompCredit[] credits, int[] order, decimal[] pay, int[] picked, int count, string currency)
    {
        this.picked = picked;
        this.ctx = ctx;
        this.participant = participant;
        this.credits = credits;
        this.order = order;
        this.pay = pay;
        this.count = count;
        this.currency = currency;
        period = ctx.Period;
    }

    /// <summary>
    /// The statement of <paramref name="participant"/> from the <paramref name="count"/> credits of
    /// <paramref name="credits"/> whose positions are listed in <paramref name="index"/> from
    /// <paramref name="offset"/>; null without an assignment or an award in the period. Reads the arrays, never writes them.
    /// </summary>
    public static ParticipantResult? Run(EngineContext ctx, Guid participant, CompCredit[] credits, int[] index, int offset, int count)
    {
        if (!Pays(ctx, participant))
        {
            return null;
        }

        // Scratch arrays from the shared pool, returned when the statement is done (nothing in it refers to them): a
        // roll-up manager's live earnings recalculate tens of thousands of credits several times a second, and fresh
        // arrays of that size land on the large-object heap, whose collections are full ones that pause the process.
        var order = ArrayPool<int>.Shared.Rent(count);
        try
        {
            Array.Copy(index, offset, order, 0, count);
            SortCanonical(credits, order, count);
            return RunOrdered(ctx, participant, credits, order, count);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>Sorts the first <paramref name="count"/> positions of <paramref name="order"/> into the canonical order of their credits (<see cref="CreditKey"/>).</summary>
    public static void SortCanonical(CompCredit[] credits, int[] order, int count)
    {
        var keys = ArrayPool<CreditKey>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                keys[i] = new CreditKey(credits[order[i]]);
            }

            Array.Sort(keys, order, 0, count);
        }
        finally
        {
            ArrayPool<CreditKey>.Shared.Return(keys);
        }
    }

    /// <summary>
    /// As <see cref="Run(EngineContext, Guid, CompCredit[], int[], int, int)"/> for credits whose positions
    /// <paramref name="order"/> already lists in the canonical order (<see cref="CreditKey"/>): live earnings keep
    /// them so, and spare a roll-up manager's recalculation the sort of tens of thousands of keys.
    /// </summary>
    public static ParticipantResult? RunOrdered(EngineContext ctx, Guid participant, CompCredit[] credits, int[] order, int count)
    {
        if (!Pays(ctx, participant))
        {
            return null;
        }

        var assignments = ctx.AssignmentsOf(participant);
        var awards = ctx.AwardsOf(participant);
        // Without a plan there is no pay currency but the awards': the first one's (by date, then id), the others converted.
        var currency = assignments.Count > 0 ? assignments[0].Currency : awards[0].Currency;
        foreach (var a in assignments)
        {
            if (!string.Equals(a.Currency, currency, StringComparison.Ordinal))
            {
                throw new DomainException("COMP_PAY_CURRENCY_MIXED", $"Participant {participant} has assignments paid in {currency} and in {a.Currency} in {ctx.Period}: one statement has one currency.", "assignments");
            }
        }

        var pay = ArrayPool<decimal>.Shared.Rent(count);
        var picked = ArrayPool<int>.Shared.Rent(count);
        try
        {
            return new ParticipantCalculation(ctx, participant, credits, order, pay, picked, count, currency).Calculate(assignments);
        }
        finally
        {
            ArrayPool<decimal>.Shared.Return(pay);
            ArrayPool<int>.Shared.Return(picked);
        }
    }

    // A statement needs an assignment or an award in the period.
    private static bool Pays(EngineContext ctx, Guid participant) => ctx.AssignmentsOf(participant).Count > 0 || ctx.AwardsOf(participant).Count > 0;

    /// <summary>The first <paramref name="count"/> credits of <paramref name="credits"/>, in any order.</summary>
    public static ParticipantResult? Run(EngineContext ctx, Guid participant, CompCredit[] credits, int count)
    {
        var index = ArrayPool<int>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                index[i] = i;
            }

            return Run(ctx, participant, credits, index, 0, count);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(index);
        }
    }

    /// <summary>All of one participant's credits, in any order.</summary>
    public static ParticipantResult? Run(EngineContext ctx, Guid participant, CompCredit[] credits) =>
        Run(ctx, participant, credits, credits.Length);

    private ref readonly CompCredit Credit(int i) => ref credits[order[i]];

    private ParticipantResult Calculate(IReadOnlyList<PlanAssignment> assignments)
    {
        foreach (var a in assignments)
        {
            AddSegments(a);
        }

        // Credits come sorted by posting date, so the last rate looked up is usually the one needed next.
        string? lastCurrency = null;
        DateOnly lastDate = default;
        var lastRate = 1m;
        for (var i = 0; i < count; i++)
        {
            ref readonly var c = ref Credit(i);
            if (string.Equals(c.Currency, currency, StringComparison.Ordinal))
            {
                pay[i] = c.Amount;
                continue;
            }

            if (!string.Equals(c.Currency, lastCurrency, StringComparison.Ordinal) || c.PostingDate != lastDate)
            {
                CurrencyCode.Require(c.Currency, "credits.currency");
                (lastCurrency, lastDate, lastRate) = (c.Currency, c.PostingDate, ctx.Rate(c.Currency, currency, c.PostingDate));
            }

            pay[i] = Money.Round(c.Amount * lastRate, currency);
        }

        foreach (var segment in segments)
        {
            Segment(segment);
        }

        Awards();
        Adjustments();
        var (drawPaid, recovered, before, carried) = Draw();

        decimal earnings = 0m, payout = 0m;
        foreach (var line in lines)
        {
            payout += line.Amount;
            if (line.Kind is not (LineKind.Draw or LineKind.DrawRecovery))
            {
                earnings += line.Amount;
            }
        }

        var (credited, quota) = Attainment();
        return new ParticipantResult
        {
            ParticipantId = participant,
            Period = period,
            Currency = currency,
            Lines = lines,
            Credited = credited,
            Quota = quota is { } q ? Money.Round(q, currency) : null,
            Attainment = quota is > 0m ? credited / quota.Value : null,
            Earnings = earnings,
            DrawPaid = drawPaid,
            DrawRecovered = recovered,
            Payout = payout,
            DrawBalanceBefore = before,
            DrawBalanceCarried = carried,
            AssignmentIds = [.. assignments.Select(a => a.AssignmentId)],
        };
    }

    // Days of the assignment in the period, cut where the plan version in force changes.
    private void AddSegments(PlanAssignment a)
    {
        var start = a.From > period.Start ? a.From : period.Start;
        var end = a.To is { } to && to < period.End ? to : period.End;
        var versions = ctx.VersionsOf(a.PlanId);
        if (a.PlanVersion is { } pinned)
        {
            var plan = Array.Find(versions, v => v.Version == pinned)
                ?? throw new DomainException("COMP_PLAN_NOT_FOUND", string.Create(CultureInfo.InvariantCulture, $"Assignment {a.AssignmentId} pins version {pinned} of plan {a.PlanId}, which is not in the input."), "plans");
            segments.Add(new PlanSegment(a, plan, start, end));
            return;
        }

        var cuts = new SortedSet<DateOnly> { start };
        foreach (var v in versions)
        {
            if (v.EffectiveFrom > start && v.EffectiveFrom <= end)
            {
                cuts.Add(v.EffectiveFrom);
            }

            if (v.EffectiveTo is { } vt && vt >= start && vt < end)
            {
                cuts.Add(vt.AddDays(1));
            }
        }

        var ordered = cuts.ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            var from = ordered[i];
            var until = i + 1 < ordered.Length ? ordered[i + 1].AddDays(-1) : end;
            CompPlan? inForce = null;
            foreach (var v in versions)
            {
                if (v.IsEffectiveOn(from))
                {
                    inForce = v; // versions are sorted ascending: the last one in force wins
                }
            }

            if (inForce is null)
            {
                continue;
            }

            if (segments.Count > 0 && segments[^1] is var last && ReferenceEquals(last.Plan, inForce)
                && ReferenceEquals(last.Assignment, a) && last.To.AddDays(1) == from)
            {
                segments[^1] = last with { To = until };
            }
            else
            {
                segments.Add(new PlanSegment(a, inForce, from, until));
            }
        }
    }

    private void Segment(PlanSegment segment)
    {
        var plan = segment.Plan;
        var fraction = (decimal)segment.Days / period.Days;
        var planRate = ctx.Rate(plan.Currency, currency, period.End);
        var clawback = FindClawback(plan);
        var first = lines.Count;
        foreach (var component in plan.Components)
        {
            switch (component)
            {
                case CommissionComponent commission:
                    Commission(segment, commission, clawback, fraction, planRate);
                    break;
                case BonusComponent bonus:
                    Bonus(segment, bonus, clawback, planRate);
                    break;
                case SpiffComponent spiff:
                    Spiff(segment, spiff, clawback, planRate);
                    break;
            }
        }

        decimal earned = 0m;
        for (var i = first; i < lines.Count; i++)
        {
            earned += lines[i].Amount;
        }

        if (plan.PeriodCap is { } periodCap)
        {
            var cap = Money.Round(periodCap * fraction * planRate, currency);
            if (earned > cap)
            {
                lines.Add(PlanLine(segment, LineKind.PeriodCap, string.Empty, "Period cap", Invariant($"period cap of {cap} {currency}"), cap - earned));
                earned = cap;
            }
        }

        if (plan.TotalCap is { } totalCap)
        {
            var before = cappedByPlan.GetValueOrDefault(plan.PlanId) + EarnedEarlierThisYear(plan.PlanId);
            var room = Money.Round(totalCap * planRate, currency) - before;
            if (room < 0m)
            {
                room = 0m;
            }

            if (earned > room)
            {
                lines.Add(PlanLine(segment, LineKind.TotalCap, string.Empty, "Total cap", Invariant($"fiscal-year cap of {Money.Round(totalCap * planRate, currency)} {currency}; {before} earned before"), room - earned));
                earned = room;
            }
        }

        cappedByPlan[plan.PlanId] = cappedByPlan.GetValueOrDefault(plan.PlanId) + earned;
        if (clawback is not null)
        {
            Clawbacks(segment, clawback);
        }
    }

    private void Commission(PlanSegment segment, CommissionComponent component, ClawbackComponent? clawback, decimal fraction, decimal planRate)
    {
        var mask = component.CreditTypes.Count == 0 ? DefaultCommissionMask : Mask(component.CreditTypes);
        var tables = component.RateTables;
        var n = 0;
        decimal total = 0m;
        for (var i = 0; i < count; i++)
        {
            ref readonly var c = ref Credit(i);
            if (segment.Contains(c.PostingDate) && (mask & (1 << (int)c.Type)) != 0 && !IsClawedBack(c, clawback))
            {
                picked[n++] = i;
                total += pay[i];
            }
        }

        if (n == 0)
        {
            return;
        }

        var counted = picked.AsSpan(0, n);

        var needsQuota = component.Gate is not null || tables.Any(t => t.Tiers.Count > 1);
        var quota = needsQuota ? RequireQuota(segment.From, segment.To, component.Id) : QuotaFor(segment.From, segment.To) ?? 0m;
        if (component.Gate is { } gate && total < gate * quota)
        {
            var attainment = total / quota;
            lines.Add(Line(segment, component, LineKind.GateNotMet, Invariant($"gate: {Percent(attainment)} attainment is below {Percent(gate)}"), total, null, null, 0m, Sources(counted, null)));
            return;
        }

        var basis = new decimal[tables.Count][];
        var sources = new List<LineSource>?[tables.Count][];
        // Where each tier starts in credited amount (its attainment x the quota), worked out once per component
        // instead of once or twice per credit.
        var starts = new decimal[tables.Count][];
        for (var t = 0; t < tables.Count; t++)
        {
            basis[t] = new decimal[tables[t].Tiers.Count];
            sources[t] = new List<LineSource>?[tables[t].Tiers.Count];
            starts[t] = new decimal[tables[t].Tiers.Count];
            for (var k = 0; k < starts[t].Length; k++)
            {
                starts[t][k] = tables[t].Tiers[k].From * quota;
            }
        }

        var cumulative = 0m;
        foreach (var i in counted)
        {
            ref readonly var c = ref Credit(i);
            var amount = pay[i];
            var start = cumulative;
            cumulative += amount;
            var t = TableFor(tables, c.Product, c.Segment);
            if (t < 0)
            {
                continue; // attains, but no table pays this product/segment
            }

            var tiers = tables[t].Tiers;
            if (component.Method == CommissionMethod.Retroactive || tiers.Count == 1)
            {
                var k = component.Method == CommissionMethod.Retroactive ? TierAt(starts[t], total) : 0;
                Tally(basis[t], sources[t], k, c, amount);
                continue;
            }

            if (amount >= 0m)
            {
                var lo = start;
                var k = TierAt(starts[t], lo);
                while (lo < cumulative || (amount == 0m && lo == cumulative))
                {
                    var end = k + 1 < tiers.Count ? Math.Min(cumulative, starts[t][k + 1]) : cumulative;
                    Tally(basis[t], sources[t], k, c, end - lo);
                    if (amount == 0m)
                    {
                        break;
                    }

                    lo = end;
                    k++;
                }
            }
            else
            {
                // A negative credit (a reversal) empties tiers from the top down, the mirror of filling them.
                var hi = start;
                var k = TierBelow(starts[t], hi);
                while (hi > cumulative)
                {
                    var floor = k > 0 ? Math.Max(cumulative, starts[t][k]) : cumulative;
                    Tally(basis[t], sources[t], k, c, floor - hi);
                    hi = floor;
                    k--;
                }
            }
        }

        var firstLine = lines.Count;
        decimal paid = 0m;
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            for (var k = 0; k < table.Tiers.Count; k++)
            {
                if (sources[t][k] is not { } list)
                {
                    continue;
                }

                var tier = table.Tiers[k];
                var amount = Money.Round(basis[t][k] * tier.Rate, currency);
                paid += amount;
                var method = component.Method == CommissionMethod.Marginal ? "marginal" : "retroactive";
                var scope = TableScope(table);
                var rule = table.Tiers.Count == 1
                    ? Invariant($"{scope}{Percent(tier.Rate)} of credited amount")
                    : Invariant($"{scope}{method} tier {k + 1}: from {Percent(tier.From)} attainment at {Percent(tier.Rate)}");
                lines.Add(Line(segment, component, LineKind.Commission, rule, basis[t][k], k + 1, tier.Rate, amount, list));
            }
        }

        if (component.Cap is { } capAmount && lines.Count > firstLine)
        {
            var cap = Money.Round(capAmount * fraction * planRate, currency);
            if (paid > cap)
            {
                lines.Add(Line(segment, component, LineKind.ComponentCap, Invariant($"cap of {cap} {currency} per period on {component.Name}"), paid, null, null, cap - paid, []));
            }
        }
    }

    private void Bonus(PlanSegment segment, BonusComponent component, ClawbackComponent? clawback, decimal planRate)
    {
        var mask = component.CreditTypes.Count == 0 ? DefaultCommissionMask : Mask(component.CreditTypes);
        var window = FiscalCalendar.WindowOf(segment.From, component.Frequency, ctx.FiscalYearStartMonth);
        while (window.Start <= segment.To)
        {
            if (segment.Contains(window.End))
            {
                BonusWindow(segment, component, clawback, planRate, mask, window);
            }

            window = FiscalCalendar.WindowOf(window.End.AddDays(1), component.Frequency, ctx.FiscalYearStartMonth);
        }
    }

    private void BonusWindow(PlanSegment segment, BonusComponent component, ClawbackComponent? clawback, decimal planRate, int mask, CompPeriod window)
    {
        var a = segment.Assignment;
        var from = a.From > window.Start ? a.From : window.Start;
        var to = a.To is { } at && at < window.End ? at : window.End;
        var covered = to.DayNumber - from.DayNumber + 1;
        var n = 0;
        decimal total = 0m;
        for (var i = 0; i < count; i++)
        {
            ref readonly var c = ref Credit(i);
            if (c.PostingDate >= from && c.PostingDate <= to && (mask & (1 << (int)c.Type)) != 0 && !IsClawedBack(c, clawback))
            {
                picked[n++] = i;
                total += pay[i];
            }
        }

        var counted = picked.AsSpan(0, n);

        var quota = RequireQuota(from, to, component.Id);
        var attainment = total / quota;
        var fraction = (decimal)covered / window.Days;
        for (var k = 0; k < component.Thresholds.Count; k++)
        {
            var threshold = component.Thresholds[k];
            if (attainment < threshold.Attainment)
            {
                break;
            }

            decimal amount;
            string rule;
            if (threshold.Amount is { } fixedAmount)
            {
                amount = Money.Round(fixedAmount * fraction * planRate, currency);
                rule = Invariant($"{component.Frequency.ToString().ToLowerInvariant()} bonus {window}: {Percent(attainment)} attainment reached {Percent(threshold.Attainment)}, pays {fixedAmount} {segment.Plan.Currency}");
            }
            else
            {
                var share = a.TargetIncentive * FiscalCalendar.Months(component.Frequency) / 12m * fraction;
                amount = Money.Round(threshold.PercentOfTargetIncentive!.Value * share, currency);
                rule = Invariant($"{component.Frequency.ToString().ToLowerInvariant()} bonus {window}: {Percent(attainment)} attainment reached {Percent(threshold.Attainment)}, pays {Percent(threshold.PercentOfTargetIncentive.Value)} of target incentive");
            }

            if (covered < window.Days)
            {
                rule += Invariant($", prorated {covered}/{window.Days} days");
            }

            lines.Add(Line(segment, component, LineKind.Bonus, rule, total, k + 1, threshold.PercentOfTargetIncentive, amount, Sources(counted, null)));
        }
    }

    private void Spiff(PlanSegment segment, SpiffComponent component, ClawbackComponent? clawback, decimal planRate)
    {
        var mask = component.CreditTypes.Count == 0 ? DefaultSpiffMask : Mask(component.CreditTypes);
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            ref readonly var c = ref Credit(i);
            if (segment.Contains(c.PostingDate) && (mask & (1 << (int)c.Type)) != 0 && c.CloseDate >= component.From && c.CloseDate <= component.To
                && (component.Products.Count == 0 || (c.Product is not null && component.Products.Contains(c.Product))) && !IsClawedBack(c, clawback))
            {
                picked[n++] = i;
            }
        }

        if (n == 0)
        {
            return;
        }

        var qualifying = picked.AsSpan(0, n);
        var rate = component.Amount * planRate;
        List<LineSource>? list = ctx.TraceSources ? new(n) : null;
        decimal basis = 0m;
        if (component.Basis == SpiffBasis.PerUnit)
        {
            foreach (var i in qualifying)
            {
                ref readonly var c = ref Credit(i);
                list?.Add(new LineSource(c.CreditId, c.SaleId, c.Quantity));
                basis += c.Quantity;
            }
        }
        else
        {
            // One deal counts once, on the first of its credits in canonical order, and only if its credits net
            // positive (a deal fully reversed by an amendment is no deal).
            var net = new Dictionary<Guid, decimal>();
            foreach (var i in qualifying)
            {
                net[Credit(i).SaleId] = net.GetValueOrDefault(Credit(i).SaleId) + Credit(i).Amount;
            }

            var seen = new HashSet<Guid>();
            foreach (var i in qualifying)
            {
                ref readonly var c = ref Credit(i);
                var counts = net[c.SaleId] > 0m && seen.Add(c.SaleId);
                list?.Add(new LineSource(c.CreditId, c.SaleId, counts ? 1m : 0m));
                basis += counts ? 1m : 0m;
            }
        }

        var unit = component.Basis == SpiffBasis.PerUnit ? "unit" : "deal";
        var rule = Invariant($"SPIFF {component.From:yyyy-MM-dd}..{component.To:yyyy-MM-dd}{(component.Products.Count > 0 ? " on " + string.Join(", ", component.Products) : string.Empty)}: {component.Amount} {segment.Plan.Currency} per {unit}");
        lines.Add(Line(segment, component, LineKind.Spiff, rule, basis, null, rate, Money.Round(basis * rate, currency), list ?? Untraced));
    }

    // Credits of earlier periods whose sale was cancelled in this segment, within the window: minus what they
    // earned on the locked statements (rate x the credit's part of the basis), one line per sale.
    private void Clawbacks(PlanSegment segment, ClawbackComponent clawback)
    {
        List<int>? cancelled = null;
        for (var i = 0; i < count; i++)
        {
            ref readonly var c = ref Credit(i);
            if (c.PostingDate < period.Start && c.CancelledOn is { } on && segment.Contains(on) && on.DayNumber - c.CloseDate.DayNumber <= clawback.WindowDays)
            {
                (cancelled ??= []).Add(i);
            }
        }

        if (cancelled is null)
        {
            return;
        }

        var prior = PriorByCredit();
        foreach (var sale in cancelled.GroupBy(i => Credit(i).SaleId).OrderBy(g => g.Key))
        {
            decimal earned = 0m, basis = 0m;
            CompPeriod? adjusts = null;
            var list = new List<LineSource>();
            foreach (var i in sale)
            {
                if (!prior.TryGetValue(Credit(i).CreditId, out var hits))
                {
                    continue;
                }

                foreach (var (line, source) in hits)
                {
                    if (clawback.AppliesTo.Count == 0 || clawback.AppliesTo.Contains(line.ComponentId))
                    {
                        earned += line.Rate!.Value * source.Basis;
                        basis += source.Basis;
                        adjusts ??= line.AdjustsPeriod;
                        list.Add(source);
                    }
                }
            }

            var amount = -Money.Round(earned, currency);
            if (list.Count == 0 || amount == 0m)
            {
                continue;
            }

            var first = Credit(sale.First());
            var rule = Invariant($"clawback: sale cancelled {first.CancelledOn:yyyy-MM-dd}, {first.CancelledOn!.Value.DayNumber - first.CloseDate.DayNumber} days after close on {first.CloseDate:yyyy-MM-dd} (window {clawback.WindowDays} days)");
            lines.Add(Line(segment, clawback, LineKind.Clawback, rule, basis, null, null, amount, list) with { AdjustsPeriod = adjusts });
        }
    }

    private Dictionary<Guid, List<(StatementLine Line, LineSource Source)>> PriorByCredit()
    {
        if (priorByCredit is not null)
        {
            return priorByCredit;
        }

        priorByCredit = [];
        foreach (var p in ctx.PriorOf(participant))
        {
            foreach (var line in p.Locked.Lines)
            {
                if (line.Kind is not (LineKind.Commission or LineKind.Spiff) || line.Rate is null)
                {
                    continue;
                }

                var stamped = line with { AdjustsPeriod = p.Locked.Period };
                foreach (var source in line.Sources)
                {
                    if (!priorByCredit.TryGetValue(source.CreditId, out var list))
                    {
                        priorByCredit[source.CreditId] = list = [];
                    }

                    list.Add((stamped, source));
                }
            }
        }

        return priorByCredit;
    }

    private void Awards()
    {
        foreach (var award in ctx.AwardsOf(participant))
        {
            var at = segments.FindIndex(s => s.Contains(award.AwardedOn));
            PlanSegment? segment = at >= 0 ? segments[at] : segments.Count > 0 ? segments[0] : null;

            var amount = Money.Round(award.Amount * ctx.Rate(award.Currency, currency, award.AwardedOn), currency);
            lines.Add(new StatementLine
            {
                Kind = LineKind.Award,
                PlanId = segment?.Plan.PlanId ?? Guid.Empty,
                PlanVersion = segment?.Plan.Version ?? 0,
                ComponentId = string.Empty,
                ComponentName = "Award",
                Rule = Invariant($"award: {award.Reference} ({award.Amount} {award.Currency}, {award.AwardedOn:yyyy-MM-dd})"),
                Basis = award.Amount,
                Amount = amount,
                Currency = currency,
                AwardId = award.AwardId,
            });
        }
    }

    // Locked periods never change: what a recomputation finds different arrives here, per component. The amount is
    // recalculated - paid - corrections of that period already paid by later locked statements, so a difference is paid
    // once, in the first open period that sees it, and never again by the periods after. Draws are balances, not
    // earnings; awards are paid once where they were granted and never recalculated from credits.
    private void Adjustments()
    {
        var priors = ctx.PriorOf(participant);
        foreach (var p in priors)
        {
            if (p.Recomputed is not { } recomputed)
            {
                continue;
            }

            if (!string.Equals(recomputed.Currency, currency, StringComparison.Ordinal) || !string.Equals(p.Locked.Currency, currency, StringComparison.Ordinal))
            {
                throw new DomainException("COMP_ADJUSTMENT_CURRENCY", $"The statement of {p.Locked.Period} for participant {participant} is not in {currency}: adjust it in its own currency.", "priorPeriods");
            }

            var totals = new Dictionary<(Guid, int, string), (string Name, decimal Locked, decimal Now, decimal Corrected)>();
            var order = new List<(Guid, int, string)>();
            var lockedSources = new Dictionary<(Guid, int, string), Dictionary<Guid, LineSource>>();
            var nowSources = new Dictionary<(Guid, int, string), Dictionary<Guid, LineSource>>();
            void Sum(IEnumerable<StatementLine> source, bool locked)
            {
                foreach (var line in source)
                {
                    if (line.Kind is LineKind.Draw or LineKind.DrawRecovery or LineKind.PriorPeriodAdjustment or LineKind.Award)
                    {
                        continue;
                    }

                    var key = (line.PlanId, line.PlanVersion, line.ComponentId);
                    if (!totals.TryGetValue(key, out var v))
                    {
                        order.Add(key);
                        v = (line.ComponentName, 0m, 0m, 0m);
                    }

                    totals[key] = locked ? v with { Locked = v.Locked + line.Amount } : v with { Now = v.Now + line.Amount };
                    var sources = locked ? lockedSources : nowSources;
                    if (!sources.TryGetValue(key, out var byCredit))
                    {
                        sources[key] = byCredit = [];
                    }

                    foreach (var s in line.Sources)
                    {
                        byCredit[s.CreditId] = byCredit.TryGetValue(s.CreditId, out var known) ? known with { Basis = known.Basis + s.Basis } : s;
                    }
                }
            }

            Sum(p.Locked.Lines, locked: true);
            Sum(recomputed.Lines, locked: false);
            // Corrections of this period already paid by later locked statements (a correction paid in February for
            // January is not paid again by March).
            foreach (var later in priors)
            {
                foreach (var line in later.Locked.Lines)
                {
                    if (line.Kind == LineKind.PriorPeriodAdjustment && line.AdjustsPeriod == p.Locked.Period)
                    {
                        var key = (line.PlanId, line.PlanVersion, line.ComponentId);
                        if (!totals.TryGetValue(key, out var v))
                        {
                            order.Add(key);
                            v = (line.ComponentName, 0m, 0m, 0m);
                        }

                        totals[key] = v with { Corrected = v.Corrected + line.Amount };
                        // The credits it traced are accounted for: the next correction traces only what changed since.
                        if (!lockedSources.TryGetValue(key, out var byCredit))
                        {
                            lockedSources[key] = byCredit = [];
                        }

                        foreach (var x in line.Sources)
                        {
                            byCredit[x.CreditId] = byCredit.TryGetValue(x.CreditId, out var known) ? known with { Basis = known.Basis + x.Basis } : x;
                        }
                    }
                }
            }

            foreach (var key in order)
            {
                var (name, was, now, corrected) = totals[key];
                var amount = Money.Round(now - was - corrected, currency);
                if (amount == 0m)
                {
                    continue;
                }

                lines.Add(new StatementLine
                {
                    Kind = LineKind.PriorPeriodAdjustment,
                    PlanId = key.Item1,
                    PlanVersion = key.Item2,
                    ComponentId = key.Item3,
                    ComponentName = name,
                    // Stored statements come back at the column's scale: print every figure at the currency's.
                    Rule = corrected == 0m
                        ? Invariant($"correction of {p.Locked.Period} (locked): {name} paid {Money.Round(was, currency)}, recalculated {Money.Round(now, currency)} {currency}")
                        : Invariant($"correction of {p.Locked.Period} (locked): {name} paid {Money.Round(was, currency)} and corrected by {Money.Round(corrected, currency)} since, recalculated {Money.Round(now, currency)} {currency}"),
                    Basis = now,
                    Amount = amount,
                    Currency = currency,
                    AdjustsPeriod = p.Locked.Period,
                    Sources = ChangedSources(lockedSources.GetValueOrDefault(key), nowSources.GetValueOrDefault(key)),
                });
            }
        }
    }

    // The credits behind a correction: those the recalculation counts and the locked statement did not (or counted with
    // another basis), with the basis they add; credits the locked statement counted and the recalculation drops, negative.
    private static List<LineSource> ChangedSources(Dictionary<Guid, LineSource>? locked, Dictionary<Guid, LineSource>? now)
    {
        var changed = new List<LineSource>();
        foreach (var (id, s) in now ?? [])
        {
            var before = locked is not null && locked.TryGetValue(id, out var l) ? l.Basis : 0m;
            if (s.Basis != before)
            {
                changed.Add(s with { Basis = s.Basis - before });
            }
        }

        foreach (var (id, s) in locked ?? [])
        {
            if (now is null || !now.ContainsKey(id))
            {
                changed.Add(s with { Basis = -s.Basis });
            }
        }

        changed.Sort((x, y) => x.CreditId.CompareTo(y.CreditId));
        return changed;
    }

    private (decimal Paid, decimal Recovered, decimal Before, decimal Carried) Draw()
    {
        var opening = ctx.BalanceOf(participant);
        var before = opening is null ? 0m : Money.Round(opening.Amount * ctx.Rate(opening.Currency, currency, period.Start), currency);
        var exact = 0m;
        DrawComponent? draw = null;
        PlanSegment drawSegment = default;
        foreach (var segment in segments)
        {
            foreach (var component in segment.Plan.Components)
            {
                if (component is DrawComponent d)
                {
                    exact += d.Amount * segment.Days / period.Days * ctx.Rate(segment.Plan.Currency, currency, period.End);
                    draw = d;
                    drawSegment = segment;
                }
            }
        }

        decimal earnings = 0m;
        foreach (var line in lines)
        {
            earnings += line.Amount;
        }

        var guaranteed = Money.Round(exact, currency);
        if (draw is not null && earnings < guaranteed)
        {
            var topUp = guaranteed - earnings;
            var rule = Invariant($"{(draw.Recoverable ? "recoverable" : "non-recoverable")} draw of {guaranteed} {currency}; earnings {earnings}");
            lines.Add(Line(drawSegment, draw, LineKind.Draw, rule, guaranteed, null, null, topUp, []));
            return (topUp, 0m, before, draw.Recoverable ? before + topUp : before);
        }

        if (before > 0m && earnings > guaranteed)
        {
            var recovered = Math.Min(before, earnings - guaranteed);
            var segment = draw is not null ? drawSegment : segments[0];
            lines.Add(new StatementLine
            {
                Kind = LineKind.DrawRecovery,
                PlanId = segment.Plan.PlanId,
                PlanVersion = segment.Plan.Version,
                ComponentId = draw?.Id ?? string.Empty,
                ComponentName = draw?.Name ?? "Draw recovery",
                Rule = Invariant($"recovery of draws paid earlier: balance {before} {currency}, earnings {earnings} above the guaranteed {guaranteed}"),
                Basis = before,
                Amount = -recovered,
                Currency = currency,
            });
            return (0m, recovered, before, before - recovered);
        }

        return (0m, 0m, before, before);
    }

    private (decimal Credited, decimal? Quota) Attainment()
    {
        var mask = 0;
        foreach (var segment in segments)
        {
            foreach (var component in segment.Plan.Components)
            {
                if (component is CommissionComponent c)
                {
                    mask |= c.CreditTypes.Count == 0 ? DefaultCommissionMask : Mask(c.CreditTypes);
                }
            }
        }

        if (mask == 0)
        {
            mask = DefaultCommissionMask;
        }

        // Each segment's clawback rule, found once rather than once per credit.
        var clawbacks = new ClawbackComponent?[segments.Count];
        for (var k = 0; k < segments.Count; k++)
        {
            clawbacks[k] = FindClawback(segments[k].Plan);
        }

        decimal credited = 0m;
        for (var i = 0; i < count; i++)
        {
            ref readonly var c = ref Credit(i);
            if (period.Contains(c.PostingDate) && (mask & (1 << (int)c.Type)) != 0)
            {
                for (var k = 0; k < segments.Count; k++)
                {
                    if (segments[k].Contains(c.PostingDate))
                    {
                        credited += IsClawedBack(c, clawbacks[k]) ? 0m : pay[i];
                        break;
                    }
                }
            }
        }

        return (credited, QuotaFor(period.Start, period.End));
    }

    // A sale cancelled by the period's end, within the clawback window, pays nothing where it posted.
    private bool IsClawedBack(in CompCredit c, ClawbackComponent? clawback) =>
        clawback is not null && c.CancelledOn is { } on && on <= period.End && on.DayNumber - c.CloseDate.DayNumber <= clawback.WindowDays;

    private decimal EarnedEarlierThisYear(Guid planId)
    {
        var year = FiscalCalendar.YearOf(period.Start, ctx.FiscalYearStartMonth);
        decimal sum = 0m;
        foreach (var p in ctx.PriorOf(participant))
        {
            if (p.Locked.Period.Start < year.Start || p.Locked.Period.Start >= period.Start)
            {
                continue;
            }

            foreach (var line in p.Locked.Lines)
            {
                if (line.PlanId == planId && (EarningKinds & (1 << (int)line.Kind)) != 0)
                {
                    sum += line.Amount;
                }
            }
        }

        return sum;
    }

    private decimal RequireQuota(DateOnly from, DateOnly to, string componentId) =>
        QuotaFor(from, to) is { } q && q > 0m
            ? q
            : throw new DomainException("COMP_QUOTA_MISSING", $"Participant {participant} has no quota from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, and component '{componentId}' pays by attainment.", "quotas");

    // Quotas over [from, to], each counted pro rata by the days it shares with the range, in pay currency.
    private decimal? QuotaFor(DateOnly from, DateOnly to)
    {
        decimal? sum = null;
        foreach (var q in ctx.QuotasOf(participant))
        {
            var start = q.From > from ? q.From : from;
            var end = q.To < to ? q.To : to;
            if (end < start)
            {
                continue;
            }

            var days = end.DayNumber - start.DayNumber + 1;
            var length = q.To.DayNumber - q.From.DayNumber + 1;
            sum = (sum ?? 0m) + (q.Amount * ctx.Rate(q.Currency, currency, period.End) * days / length);
        }

        return sum;
    }

    private static ClawbackComponent? FindClawback(CompPlan plan)
    {
        foreach (var component in plan.Components)
        {
            if (component is ClawbackComponent k)
            {
                return k;
            }
        }

        return null;
    }

    private void Tally(decimal[] basis, List<LineSource>?[] sources, int tier, in CompCredit c, decimal amount)
    {
        basis[tier] += amount;
        if (!ctx.TraceSources)
        {
            sources[tier] ??= Untraced;
            return;
        }

        (sources[tier] ??= []).Add(new LineSource(c.CreditId, c.SaleId, amount));
    }

    // The last tier whose start is at or below the position: exactly 100 % is in the tier starting at 100 %.
    private static int TierAt(decimal[] starts, decimal position)
    {
        var k = 0;
        while (k + 1 < starts.Length && starts[k + 1] <= position)
        {
            k++;
        }

        return k;
    }

    // The tier holding the slice just below the position (where a reversal starts taking back).
    private static int TierBelow(decimal[] starts, decimal position)
    {
        var k = 0;
        while (k + 1 < starts.Length && starts[k + 1] < position)
        {
            k++;
        }

        return k;
    }

    // Most specific table: product and segment, then product, then segment, then the default; -1 if none.
    private static int TableFor(IReadOnlyList<RateTable> tables, string? product, string? segment)
    {
        var best = -1;
        var bestScore = -1;
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            if ((table.Product is not null && !string.Equals(table.Product, product, StringComparison.Ordinal))
                || (table.Segment is not null && !string.Equals(table.Segment, segment, StringComparison.Ordinal)))
            {
                continue;
            }

            var score = (table.Product is null ? 0 : 2) + (table.Segment is null ? 0 : 1);
            if (score > bestScore)
            {
                best = t;
                bestScore = score;
            }
        }

        return best;
    }

    private static string TableScope(RateTable table) => (table.Product, table.Segment) switch
    {
        (null, null) => string.Empty,
        ({ } p, null) => $"product {p}: ",
        (null, { } s) => $"segment {s}: ",
        ({ } p, { } s) => $"product {p}, segment {s}: ",
    };

    private static int Mask(IReadOnlyList<CreditType> types)
    {
        var mask = 0;
        foreach (var type in types)
        {
            mask |= 1 << (int)type;
        }

        return mask;
    }

    private List<LineSource> Sources(ReadOnlySpan<int> indices, decimal[]? basis)
    {
        if (!ctx.TraceSources)
        {
            return Untraced;
        }

        var list = new List<LineSource>(indices.Length);
        foreach (var i in indices)
        {
            ref readonly var c = ref Credit(i);
            list.Add(new LineSource(c.CreditId, c.SaleId, basis?[i] ?? pay[i]));
        }

        return list;
    }

    private StatementLine Line(PlanSegment segment, PlanComponent component, LineKind kind, string rule, decimal basis, int? tier, decimal? rate, decimal amount, IReadOnlyList<LineSource> sources) => new()
    {
        Kind = kind,
        PlanId = segment.Plan.PlanId,
        PlanVersion = segment.Plan.Version,
        ComponentId = component.Id,
        ComponentName = component.Name,
        Rule = segment.Days < period.Days ? Invariant($"{rule} (plan v{segment.Plan.Version}, {segment.From:yyyy-MM-dd}..{segment.To:yyyy-MM-dd})") : rule,
        Tier = tier,
        Basis = basis,
        Rate = rate,
        Amount = amount,
        Currency = currency,
        Sources = sources,
    };

    private StatementLine PlanLine(PlanSegment segment, LineKind kind, string componentId, string name, string rule, decimal amount) => new()
    {
        Kind = kind,
        PlanId = segment.Plan.PlanId,
        PlanVersion = segment.Plan.Version,
        ComponentId = componentId,
        ComponentName = name,
        Rule = rule,
        Amount = amount,
        Currency = currency,
    };

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
