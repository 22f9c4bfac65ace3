using System.Globalization;
using Spm.Domain.Common;
using Spm.Domain.Currency;
using Spm.Domain.Sales;

namespace Spm.Domain.Crediting;

/// <summary>
/// Turns a sale into credits by the tenant's rules. Pure and in memory; the lookups it is given are expected to
/// answer from memory too. The rule set, rate table and lookups are immutable and may be shared; the engine
/// itself keeps scratch buffers between sales, so use one engine per thread.
/// </summary>
/// <remarks>
/// <para>Amounts: the sale amount is converted to the reporting currency once (rounded half away from zero),
/// then both amounts are split with the largest-remainder method using the same weights, so the credits of a
/// split add up exactly to the sale amount in both currencies. The pay-currency amount is the credit's amount
/// itself when the participant is paid in the sale or reporting currency, otherwise the credit converted at the
/// close date and rounded once.</para>
/// <para>Direct and split share one allocation of the split table: the owner's line is the direct credit, the
/// other lines are split credits, so direct plus split is exactly the sale amount whenever both rules apply.</para>
/// <para>Roll-up: every manager above a rep credited by a direct, split or territory credit of the sale is
/// credited once, with the sum of the credits of the reps under them (two reps sharing a deal 60/40 roll up to
/// 100 % for their common manager). Overlay credit does not roll up: it is double credit by design, and rolling
/// it up would count the same deal twice for the manager.</para>
/// </remarks>
public sealed class CreditingEngine
{
    /// <summary>A manager chain longer than this is a cycle in the data, not an organisation.</summary>
    public const int MaxManagerChainDepth = 64;

    private readonly CreditRuleSet rules;
    private readonly FxRateTable fx;
    private readonly IParticipantDirectory participants;
    private readonly ITerritoryOwnershipLookup territories;
    private readonly IManagerChainLookup managers;
    private readonly decimal reportingUnit;

    // Scratch, reused from sale to sale.
    private readonly decimal[] splitWeights = new decimal[Sale.MaxCoSellers];
    private readonly decimal[] splitParts = new decimal[Sale.MaxCoSellers];
    private readonly decimal[] splitReporting = new decimal[Sale.MaxCoSellers];
    private decimal[] weights = new decimal[8];
    private decimal[] parts = new decimal[8];
    private decimal[] reportingParts = new decimal[8];
    private bool[] overlayDone = new bool[8];
    private RollupSlot[] slots = new RollupSlot[16];

    // Resolved rates by pair and date: a cross or inverse rate costs up to six lookups and a division in the
    // table, one lookup here. Bounded by pairs x distinct close dates of the run.
    private readonly Dictionary<(string From, string To, DateOnly Date), decimal> rateCache = [];
    private string? lastCurrency;
    private decimal lastCurrencyUnit;

    // The sale being credited.
    private Sale sale = null!;
    private int revision;
    private DateOnly postingDate;
    private decimal reportingTotal;
    private decimal saleUnit;
    private bool splitReady;
    private bool ownershipReady;
    private bool overlayMarksFresh;
    private TerritoryOwnership? ownership;
    private string? payCurrencyCached;
    private decimal payRateCached;
    private decimal payUnitCached;

    public CreditingEngine(
        CreditRuleSet rules,
        FxRateTable fx,
        IParticipantDirectory participants,
        ITerritoryOwnershipLookup territories,
        IManagerChainLookup managers,
        PostingPolicy? posting = null)
    {
        this.rules = rules ?? throw new ArgumentNullException(nameof(rules));
        this.fx = fx ?? throw new ArgumentNullException(nameof(fx));
        this.participants = participants ?? throw new ArgumentNullException(nameof(participants));
        this.territories = territories ?? throw new ArgumentNullException(nameof(territories));
        this.managers = managers ?? throw new ArgumentNullException(nameof(managers));
        Posting = posting ?? PostingPolicy.NothingLocked;
        if (fx.TenantId != rules.TenantId)
        {
            throw new DomainException("TENANT_MISMATCH", "The rate table and the rule set belong to different tenants.", "tenantId");
        }

        reportingUnit = Money.UnitOf(fx.ReportingCurrency);
    }

    public PostingPolicy Posting { get; }

    /// <summary>Credits of <paramref name="revision"/> (a recorded or amended revision).</summary>
    public IReadOnlyList<Credit> Credit(SaleRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var output = new List<Credit>(8);
        Credit(revision.Content, revision.Number, output);
        return output;
    }

    /// <summary>Appends the credits of <paramref name="content"/>, written by revision <paramref name="revisionNumber"/>, to <paramref name="output"/>.</summary>
    public void Credit(Sale content, int revisionNumber, List<Credit> output)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(output);
        if (content.TenantId != rules.TenantId)
        {
            throw new DomainException("TENANT_MISMATCH", $"Sale {content.Key} belongs to another tenant than the rules.", "tenantId");
        }

        var slice = rules.At(content.CloseDate);
        var firstPass = slice.FirstPass;
        if (firstPass.Length == 0)
        {
            return;
        }

        Begin(content, revisionNumber);
        var start = output.Count;
        var fired = 0;
        for (var r = 0; r < firstPass.Length; r++)
        {
            var rule = firstPass[r];
            if (!rule.Matches(content.Product, content.Segment))
            {
                continue;
            }

            // First matching rule of each kind wins; overlays are settled per specialist instead.
            var bit = 1 << (int)rule.Kind;
            if (rule.Kind != CreditRuleKind.Overlay)
            {
                if ((fired & bit) != 0)
                {
                    continue;
                }

                fired |= bit;
            }

            switch (rule.Kind)
            {
                case CreditRuleKind.Direct:
                    CreditOwner(rule, output);
                    break;
                case CreditRuleKind.Split:
                    CreditCoSellers(rule, output);
                    break;
                case CreditRuleKind.Territory:
                    CreditTerritory(rule, output);
                    break;
                case CreditRuleKind.Overlay:
                    CreditOverlays(rule, output);
                    break;
                default:
                    break;
            }
        }

        var rollups = slice.Rollups;
        for (var r = 0; r < rollups.Length; r++)
        {
            if (rollups[r].Matches(content.Product, content.Segment))
            {
                RollUp(rollups[r], output, start);
                break;
            }
        }
    }

    private void Begin(Sale content, int revisionNumber)
    {
        sale = content;
        revision = revisionNumber;
        postingDate = Posting.PostingDateFor(content.CloseDate);
        if (!ReferenceEquals(content.Currency, lastCurrency))
        {
            lastCurrencyUnit = Money.UnitOf(content.Currency);
            lastCurrency = content.Currency;
        }

        saleUnit = lastCurrencyUnit;
        reportingTotal = string.Equals(content.Currency, fx.ReportingCurrency, StringComparison.Ordinal)
            ? content.Amount
            : RoundTo(content.Amount * Rate(content.Currency, fx.ReportingCurrency, content.CloseDate), reportingUnit);
        splitReady = false;
        ownershipReady = false;
        overlayMarksFresh = false;
        ownership = null;
        payCurrencyCached = null;
    }

    private void CreditOwner(CompiledRule rule, List<Credit> output)
    {
        var table = sale.CoSellers;
        if (table.Count == 0)
        {
            Emit(output, rule, CreditType.Direct, sale.OwnerParticipantId, sale.Amount, reportingTotal, "ownerParticipantId");
            return;
        }

        EnsureSplit();
        for (var i = 0; i < table.Count; i++)
        {
            if (table[i].ParticipantId == sale.OwnerParticipantId)
            {
                Emit(output, rule, CreditType.Direct, sale.OwnerParticipantId, splitParts[i], splitReporting[i], "ownerParticipantId");
                return;
            }
        }
    }

    private void CreditCoSellers(CompiledRule rule, List<Credit> output)
    {
        var table = sale.CoSellers;
        if (table.Count == 0)
        {
            return;
        }

        EnsureSplit();
        for (var i = 0; i < table.Count; i++)
        {
            var id = table[i].ParticipantId;
            if (id != sale.OwnerParticipantId)
            {
                Emit(output, rule, CreditType.Split, id, splitParts[i], splitReporting[i], "coSellers");
            }
        }
    }

    private void EnsureSplit()
    {
        if (splitReady)
        {
            return;
        }

        var table = sale.CoSellers;
        var n = table.Count;
        for (var i = 0; i < n; i++)
        {
            splitWeights[i] = table[i].SplitPercent;
        }

        var w = splitWeights.AsSpan(0, n);
        LargestRemainder.Split(sale.Amount, w, 100m, saleUnit, splitParts);
        LargestRemainder.Split(reportingTotal, w, 100m, reportingUnit, splitReporting);
        splitReady = true;
    }

    private TerritoryOwnership? Ownership()
    {
        if (!ownershipReady)
        {
            ownership = sale.AccountId is { } account ? territories.Find(account, sale.CloseDate) : null;
            ownershipReady = true;
        }

        return ownership;
    }

    private void CreditTerritory(CompiledRule rule, List<Credit> output)
    {
        var owner = Ownership();
        if (owner is null || owner.Primaries.Count == 0)
        {
            return;
        }

        var primaries = owner.Primaries;
        var n = primaries.Count;
        EnsureScratch(n + 1);
        decimal total = 0;
        for (var i = 0; i < n; i++)
        {
            var percent = primaries[i].SplitPercent;
            if (percent is <= 0 or > 100)
            {
                throw new DomainException("TERRITORY_SPLIT_INVALID", string.Create(CultureInfo.InvariantCulture, $"Territory '{owner.TerritoryName}' gives participant {primaries[i].ParticipantId} {percent} %; a split must be above 0 and at most 100."), "accountId");
            }

            weights[i] = percent;
            total += percent;
        }

        if (total > 100m)
        {
            throw new DomainException("TERRITORY_SPLITS_OVER_100", string.Create(CultureInfo.InvariantCulture, $"The owners of territory '{owner.TerritoryName}' hold {total} % between them on {sale.CloseDate:yyyy-MM-dd}, more than 100 %."), "accountId");
        }

        // A shortfall is a vacant seat: it takes its share of the split and nobody is credited for it.
        var m = n;
        if (total < 100m)
        {
            weights[m++] = 100m - total;
        }

        var w = weights.AsSpan(0, m);
        LargestRemainder.Split(sale.Amount, w, 100m, saleUnit, parts);
        LargestRemainder.Split(reportingTotal, w, 100m, reportingUnit, reportingParts);
        for (var i = 0; i < n; i++)
        {
            Emit(output, rule, CreditType.Territory, primaries[i].ParticipantId, parts[i], reportingParts[i], "accountId", owner.TerritoryId, owner.TerritoryName);
        }
    }

    private void CreditOverlays(CompiledRule rule, List<Credit> output)
    {
        var owner = Ownership();
        if (owner is null || owner.Overlays.Count == 0)
        {
            return;
        }

        var overlays = owner.Overlays;
        var k = overlays.Count;
        if (overlayDone.Length < k)
        {
            overlayDone = new bool[Math.Max(k, overlayDone.Length * 2)];
        }

        // Fresh per sale: the first overlay rule of the sale clears the marks.
        if (!overlayMarksFresh)
        {
            Array.Clear(overlayDone, 0, k);
            overlayMarksFresh = true;
        }

        var amount = rule.OverlayFraction == 1m ? sale.Amount : RoundTo(sale.Amount * rule.OverlayFraction, saleUnit);
        var reporting = rule.OverlayFraction == 1m ? reportingTotal : RoundTo(reportingTotal * rule.OverlayFraction, reportingUnit);
        for (var j = 0; j < k; j++)
        {
            var assignment = overlays[j];
            if (overlayDone[j] || !rule.CoversRole(assignment.Role) || AlreadyOverlaid(overlays, j))
            {
                continue;
            }

            overlayDone[j] = true;
            Emit(output, rule, CreditType.Overlay, assignment.ParticipantId, amount, reporting, "accountId", owner.TerritoryId, owner.TerritoryName, assignment.Role);
        }
    }

    // One specialist listed twice (two roles) is credited once, by the first listing a rule covers.
    private bool AlreadyOverlaid(IReadOnlyList<OverlayAssignment> overlays, int j)
    {
        var id = overlays[j].ParticipantId;
        for (var i = 0; i < j; i++)
        {
            if (overlayDone[i] && overlays[i].ParticipantId == id)
            {
                return true;
            }
        }

        return false;
    }

    private void RollUp(CompiledRule rule, List<Credit> output, int start)
    {
        var end = output.Count;
        var used = 0;
        for (var c = start; c < end; c++)
        {
            var credit = output[c];
            if (credit.Type is not (CreditType.Direct or CreditType.Split or CreditType.Territory))
            {
                continue;
            }

            var chain = managers.ManagersAbove(credit.ParticipantId, sale.CloseDate);
            if (chain.Count > MaxManagerChainDepth)
            {
                throw new DomainException("MANAGER_CHAIN_TOO_DEEP", $"Participant {credit.ParticipantId} has {chain.Count} managers above them on {sale.CloseDate:yyyy-MM-dd}; the chain must contain a cycle.", "managerId");
            }

            for (var i = 0; i < chain.Count; i++)
            {
                var manager = chain[i];
                if (manager == credit.ParticipantId)
                {
                    throw new DomainException("MANAGER_CHAIN_CYCLE", $"Participant {manager} appears above themselves in the manager chain on {sale.CloseDate:yyyy-MM-dd}.", "managerId");
                }

                var s = 0;
                while (s < used && slots[s].Manager != manager)
                {
                    s++;
                }

                if (s == used)
                {
                    if (used == slots.Length)
                    {
                        Array.Resize(ref slots, used * 2);
                    }

                    slots[used++] = new RollupSlot { Manager = manager, FirstRep = credit.ParticipantId, LastCredit = -1 };
                }

                ref var slot = ref slots[s];
                if (slot.LastCredit == c)
                {
                    throw new DomainException("MANAGER_CHAIN_CYCLE", $"Manager {manager} appears twice above participant {credit.ParticipantId} on {sale.CloseDate:yyyy-MM-dd}.", "managerId");
                }

                slot.LastCredit = c;
                slot.Amount += credit.Amount;
                slot.Reporting += credit.ReportingAmount;
                slot.SeveralReps |= slot.FirstRep != credit.ParticipantId;
            }
        }

        for (var s = 0; s < used; s++)
        {
            ref readonly var slot = ref slots[s];
            var repName = Participant(slot.FirstRep, "managerId").Name;
            Emit(output, rule, CreditType.Rollup, slot.Manager, slot.Amount, slot.Reporting, "managerId", subject: repName, severalReps: slot.SeveralReps);
        }
    }

    private void Emit(
        List<Credit> output,
        CompiledRule rule,
        CreditType type,
        Guid participantId,
        decimal amount,
        decimal reporting,
        string field,
        Guid? territoryId = null,
        string? subject = null,
        string? role = null,
        bool severalReps = false)
    {
        var participant = Participant(participantId, field);
        var payCurrency = participant.PayCurrency;
        output.Add(new Credit
        {
            TenantId = sale.TenantId,
            Source = sale.Source,
            SaleExternalId = sale.ExternalId,
            SaleRevision = revision,
            Type = type,
            AdjustedType = type,
            RuleId = rule.Id,
            ParticipantId = participantId,
            Amount = amount,
            Currency = sale.Currency,
            ReportingAmount = reporting,
            ReportingCurrency = fx.ReportingCurrency,
            PayAmount = PayAmount(amount, reporting, payCurrency),
            PayCurrency = payCurrency,
            CloseDate = sale.CloseDate,
            PostingDate = postingDate,
            TerritoryId = territoryId,
            Subject = subject,
            Role = role,
            SeveralReps = severalReps,
        });
    }

    private CreditParticipant Participant(Guid id, string field) =>
        participants.Find(id) ?? throw new DomainException("PARTICIPANT_UNKNOWN", $"Sale {sale.Key} credits participant {id}, who is not a participant of the tenant.", field);

    private decimal PayAmount(decimal amount, decimal reporting, string payCurrency)
    {
        if (string.Equals(payCurrency, sale.Currency, StringComparison.Ordinal))
        {
            return amount;
        }

        if (string.Equals(payCurrency, fx.ReportingCurrency, StringComparison.Ordinal))
        {
            return reporting;
        }

        if (!string.Equals(payCurrency, payCurrencyCached, StringComparison.Ordinal))
        {
            payRateCached = Rate(sale.Currency, payCurrency, sale.CloseDate);
            payUnitCached = Money.UnitOf(payCurrency);
            payCurrencyCached = payCurrency;
        }

        return RoundTo(amount * payRateCached, payUnitCached);
    }

    private decimal Rate(string from, string to, DateOnly date)
    {
        if (!rateCache.TryGetValue((from, to, date), out var rate))
        {
            rate = fx.RateAt(from, to, date);
            rateCache[(from, to, date)] = rate;
        }

        return rate;
    }

    // Half away from zero to the unit's decimals (1, 0.01, 0.001): Money.Round's rule without a currency lookup.
    private static decimal RoundTo(decimal value, decimal unit) =>
        Math.Round(value, unit.Scale, MidpointRounding.AwayFromZero);

    private void EnsureScratch(int size)
    {
        if (weights.Length < size)
        {
            var capacity = Math.Max(size, weights.Length * 2);
            weights = new decimal[capacity];
            parts = new decimal[capacity];
            reportingParts = new decimal[capacity];
        }
    }

    // One manager's running roll-up within a sale; LastCredit catches a manager listed twice in one chain.
    private struct RollupSlot
    {
        public Guid Manager;
        public Guid FirstRep;
        public decimal Amount;
        public decimal Reporting;
        public int LastCredit;
        public bool SeveralReps;
    }
}
