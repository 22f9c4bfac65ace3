using System.Globalization;
using Spm.Domain.Common;
using Spm.Domain.Currency;

namespace Spm.Domain.Compensation;

/// <summary>
/// The input indexed by participant, built once per calculation and then only read, so every thread of a run
/// shares it. Credits are not held here: they are grouped separately, because live updates swap them.
/// </summary>
internal sealed class EngineContext
{
    private static readonly IReadOnlyList<PlanAssignment> NoAssignments = [];
    private static readonly IReadOnlyList<ParticipantQuota> NoQuotas = [];
    private static readonly IReadOnlyList<PriorPeriodResult> NoPrior = [];
    private static readonly IReadOnlyList<SpiffAward> NoAwards = [];

    private readonly Dictionary<Guid, CompPlan[]> versions = [];
    private readonly Dictionary<Guid, List<PlanAssignment>> assignments = [];
    private readonly Dictionary<Guid, List<ParticipantQuota>> quotas = [];
    private readonly Dictionary<Guid, DrawBalance> balances = [];
    private readonly Dictionary<Guid, List<PriorPeriodResult>> prior = [];
    private readonly Dictionary<Guid, List<SpiffAward>> awards = [];

    /// <param name="input">The period's input.</param>
    /// <param name="traceSources">False for figures only: statement lines come without the credits behind them (live
    /// earnings need the totals, and a roll-up manager's lines would trace tens of thousands of credits at every update).</param>
    public EngineContext(CompensationInput input, bool traceSources = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        TraceSources = traceSources;
        Period = input.Period;
        FiscalYearStartMonth = input.FiscalYearStartMonth is >= 1 and <= 12
            ? input.FiscalYearStartMonth
            : throw new DomainException("COMP_FISCAL_MONTH_INVALID", "The fiscal year starts in a month from 1 to 12.", "fiscalYearStartMonth");
        Fx = input.Fx;
        foreach (var group in (input.Plans ?? throw new ArgumentException("Plans are required.", nameof(input))).GroupBy(p => p.PlanId))
        {
            var list = group.OrderBy(p => p.Version).ToArray();
            for (var i = 0; i < list.Length; i++)
            {
                list[i].Validate();
                if (i > 0 && list[i].Version == list[i - 1].Version)
                {
                    throw new DomainException("COMP_PLAN_VERSION_DUPLICATE", string.Create(CultureInfo.InvariantCulture, $"Plan {group.Key} version {list[i].Version} is given twice."), "plans");
                }
            }

            versions[group.Key] = list;
        }

        var only = input.Participants is null ? null : new HashSet<Guid>(input.Participants);
        foreach (var a in input.Assignments ?? throw new ArgumentException("Assignments are required.", nameof(input)))
        {
            if (a.To is { } to && to < a.From)
            {
                throw new DomainException("COMP_ASSIGNMENT_DATES_INVALID", $"Assignment {a.AssignmentId} ends on {to:yyyy-MM-dd}, before it starts on {a.From:yyyy-MM-dd}.", "assignments");
            }

            if (Period.OverlapDays(a.From, a.To) == 0 || (only is not null && !only.Contains(a.ParticipantId)))
            {
                continue;
            }

            CurrencyCode.Require(a.Currency, "assignments.currency");
            if (!versions.ContainsKey(a.PlanId))
            {
                throw new DomainException("COMP_PLAN_NOT_FOUND", $"Assignment {a.AssignmentId} refers to plan {a.PlanId}, which is not in the input.", "plans");
            }

            Add(assignments, a.ParticipantId, a);
        }

        foreach (var list in assignments.Values)
        {
            // Input order must not matter: segments and lines follow assignment start, then id.
            list.Sort((x, y) => x.From != y.From ? x.From.CompareTo(y.From) : x.AssignmentId.CompareTo(y.AssignmentId));
        }

        foreach (var q in input.Quotas)
        {
            if (assignments.ContainsKey(q.ParticipantId))
            {
                Add(quotas, q.ParticipantId, q);
            }
        }

        foreach (var b in input.DrawBalances)
        {
            if (assignments.ContainsKey(b.ParticipantId) && !balances.TryAdd(b.ParticipantId, b))
            {
                throw new DomainException("COMP_DRAW_BALANCE_DUPLICATE", $"Participant {b.ParticipantId} has two opening draw balances.", "drawBalances");
            }
        }

        foreach (var p in input.PriorPeriods)
        {
            if (assignments.ContainsKey(p.Locked.ParticipantId))
            {
                Add(prior, p.Locked.ParticipantId, p);
            }
        }

        foreach (var list in prior.Values)
        {
            list.Sort((x, y) => x.Locked.Period.Start.CompareTo(y.Locked.Period.Start));
        }

        // An award (a contest prize, a resolved dispute) is owed whether or not the winner has a plan this period: a
        // participant with awards and no assignment gets a statement of those awards alone.
        foreach (var award in input.Awards)
        {
            if (Period.Contains(award.AwardedOn) && (only is null || only.Contains(award.ParticipantId)))
            {
                CurrencyCode.Require(award.Currency, "awards.currency");
                Add(awards, award.ParticipantId, award);
            }
        }

        foreach (var list in awards.Values)
        {
            list.Sort((x, y) => x.AwardedOn != y.AwardedOn ? x.AwardedOn.CompareTo(y.AwardedOn) : x.AwardId.CompareTo(y.AwardId));
        }

        Participants = [.. assignments.Keys.Union(awards.Keys).Order()];
    }

    public CompPeriod Period { get; }

    /// <summary>Whether statement lines list their sources (see the constructor).</summary>
    public bool TraceSources { get; }

    public int FiscalYearStartMonth { get; }

    public FxRateTable? Fx { get; }

    /// <summary>Participants with an assignment or an award in the period, by id.</summary>
    public Guid[] Participants { get; }

    public bool IsParticipant(Guid id) => assignments.ContainsKey(id);

    public IReadOnlyList<PlanAssignment> AssignmentsOf(Guid id) => assignments.TryGetValue(id, out var list) ? list : NoAssignments;

    public IReadOnlyList<ParticipantQuota> QuotasOf(Guid id) => quotas.TryGetValue(id, out var list) ? list : NoQuotas;

    public DrawBalance? BalanceOf(Guid id) => balances.GetValueOrDefault(id);

    public IReadOnlyList<PriorPeriodResult> PriorOf(Guid id) => prior.TryGetValue(id, out var list) ? list : NoPrior;

    public IReadOnlyList<SpiffAward> AwardsOf(Guid id) => awards.TryGetValue(id, out var list) ? list : NoAwards;

    public CompPlan[] VersionsOf(Guid planId) => versions[planId];

    /// <summary>The exact (unrounded) rate to convert <paramref name="from"/> into <paramref name="to"/> on <paramref name="date"/>.</summary>
    public decimal Rate(string from, string to, DateOnly date)
    {
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return 1m;
        }

        if (Fx is null)
        {
            throw new DomainException("FX_RATE_MISSING", $"No exchange rates were given, and {from} must be converted to {to}.", "fx");
        }

        return Fx.RateAt(from, to, date);
    }

    private static void Add<T>(Dictionary<Guid, List<T>> map, Guid key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
