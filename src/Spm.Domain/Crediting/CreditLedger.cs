using Spm.Domain.Common;
using Spm.Domain.Sales;

namespace Spm.Domain.Crediting;

/// <summary>
/// What a change writes to the credit ledger. Credits are never updated or deleted: an amendment reverses the
/// rows standing for the superseded revision and adds the new revision's credits; a cancellation only reverses;
/// a replay writes nothing; re-crediting writes adjustment rows carrying the difference.
/// </summary>
public static class CreditLedger
{
    /// <summary>
    /// Appends the rows <paramref name="change"/> writes. <paramref name="saleCredits"/> are the rows already
    /// stored for the sale (all of them; the ones to reverse are picked here).
    /// </summary>
    public static void Apply(CreditingEngine engine, SaleChange change, IReadOnlyList<Credit> saleCredits, List<Credit> output)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(saleCredits);
        ArgumentNullException.ThrowIfNull(output);
        if (change.NewRevision is not { } revision)
        {
            return;
        }

        if (change.Superseded is { } superseded)
        {
            Reverse(saleCredits, superseded.Number, revision.Number, engine.Posting, output);
        }

        if (change.Outcome != SaleChangeOutcome.Cancelled)
        {
            engine.Credit(revision.Content, revision.Number, output);
        }
    }

    /// <summary>
    /// Appends a reversal of every row standing for <paramref name="supersededRevision"/>: its credits and the
    /// adjustments made to it, not earlier reversals. Each reversal posts where the reversed row posted, unless
    /// that date is now locked; then it posts in the open period.
    /// </summary>
    public static void Reverse(IReadOnlyList<Credit> saleCredits, int supersededRevision, int newRevision, PostingPolicy posting, List<Credit> output)
    {
        ArgumentNullException.ThrowIfNull(saleCredits);
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(output);
        for (var i = 0; i < saleCredits.Count; i++)
        {
            var credit = saleCredits[i];
            if (credit.SaleRevision == supersededRevision && !credit.IsReversal)
            {
                output.Add(credit.ReversedBy(newRevision, posting.PostingDateFor(credit.PostingDate)));
            }
        }
    }

    /// <summary>
    /// Re-credits sales after rule or territory changes: computes their credits afresh and appends the
    /// adjustments from <paramref name="existing"/> (every stored row of those sales) to that target.
    /// Cancelled revisions have no target, so whatever still stands for them is adjusted away.
    /// </summary>
    public static void Recredit(CreditingEngine engine, IReadOnlyList<SaleRevision> latestRevisions, IReadOnlyList<Credit> existing, List<Credit> output)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(latestRevisions);
        var target = new List<Credit>(latestRevisions.Count * 4);
        foreach (var revision in latestRevisions)
        {
            if (!revision.IsCancelled)
            {
                engine.Credit(revision.Content, revision.Number, target);
            }
        }

        Adjust(existing, target, engine.Posting, output);
    }

    /// <summary>
    /// Appends one adjustment per (sale, participant, credit type, pay currency) whose net standing amount differs
    /// from the target: the delta, in all three currencies. Existing rows are netted first (credits, reversals and
    /// earlier adjustments), so running this twice writes nothing the second time. Adjustments post on the close
    /// date when its period is open, otherwise in the open period; a locked period is never written.
    /// </summary>
    public static void Adjust(IReadOnlyList<Credit> existing, IReadOnlyList<Credit> target, PostingPolicy posting, List<Credit> output)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(output);
        var index = new Dictionary<AdjustmentKey, int>();
        var groups = new List<AdjustmentGroup>();
        foreach (var credit in target)
        {
            if (credit.IsReversal || credit.Type == CreditType.Adjustment)
            {
                throw new DomainException("RECREDIT_TARGET_INVALID", "The target of a re-crediting holds only fresh credits, not reversals or adjustments.", "target");
            }

            Group(credit).AddTarget(credit);
        }

        foreach (var credit in existing)
        {
            Group(credit).AddExisting(credit);
        }

        foreach (var group in groups)
        {
            var amount = group.TargetAmount - group.ExistingAmount;
            var reporting = group.TargetReporting - group.ExistingReporting;
            var pay = group.TargetPay - group.ExistingPay;
            if (amount == 0 && reporting == 0 && pay == 0)
            {
                continue;
            }

            var template = group.Template;
            output.Add(template with
            {
                SaleRevision = group.Revision,
                Type = CreditType.Adjustment,
                AdjustedType = template.BaseType,
                IsReversal = false,
                ReversesRevision = 0,
                Amount = amount,
                ReportingAmount = reporting,
                PayAmount = pay,
                PostingDate = posting.PostingDateFor(template.CloseDate),
                SeveralReps = false,
            });
        }

        AdjustmentGroup Group(Credit credit)
        {
            var key = new AdjustmentKey(credit.TenantId, credit.Source, credit.SaleExternalId, credit.ParticipantId, credit.BaseType, credit.PayCurrency);
            if (!index.TryGetValue(key, out var at))
            {
                index[key] = at = groups.Count;
                groups.Add(new AdjustmentGroup());
            }

            return groups[at];
        }
    }

    private readonly record struct AdjustmentKey(Guid TenantId, string Source, string ExternalId, Guid ParticipantId, CreditType Type, string PayCurrency);

    private sealed class AdjustmentGroup
    {
        private bool hasTarget;

        public decimal TargetAmount { get; private set; }

        public decimal TargetReporting { get; private set; }

        public decimal TargetPay { get; private set; }

        public decimal ExistingAmount { get; private set; }

        public decimal ExistingReporting { get; private set; }

        public decimal ExistingPay { get; private set; }

        /// <summary>The rule, territory and dates an adjustment inherits: the target's when there is one.</summary>
        public Credit Template { get; private set; }

        public int Revision { get; private set; }

        public void AddTarget(Credit credit)
        {
            if (!hasTarget)
            {
                Template = credit;
                Revision = credit.SaleRevision;
                hasTarget = true;
            }

            TargetAmount += credit.Amount;
            TargetReporting += credit.ReportingAmount;
            TargetPay += credit.PayAmount;
        }

        public void AddExisting(Credit credit)
        {
            if (!hasTarget && (Revision == 0 || credit.SaleRevision >= Revision))
            {
                Template = credit;
                Revision = credit.SaleRevision;
            }

            ExistingAmount += credit.Amount;
            ExistingReporting += credit.ReportingAmount;
            ExistingPay += credit.PayAmount;
        }
    }
}
