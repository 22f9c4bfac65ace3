using System.Globalization;

namespace Spm.Domain.Crediting;

/// <summary>
/// One credit: a participant's share of a sale, in the sale's currency, the tenant's reporting currency and the
/// participant's pay currency. A struct because a crediting run produces millions of them into reused buffers.
/// </summary>
/// <remarks>
/// <see cref="CloseDate"/> is when the deal closed; <see cref="PostingDate"/> is the date the credit counts on
/// (attainment and pay). They differ only when the close date fell in a locked period: then the credit, its
/// reversal or its adjustment posts in the open period instead (see <see cref="PostingPolicy"/>).
/// The reason is rendered on demand from the fields, so the hot loop formats no strings.
/// </remarks>
public readonly record struct Credit
{
    public Guid TenantId { get; init; }

    public string Source { get; init; }

    public string SaleExternalId { get; init; }

    /// <summary>The sale revision that wrote this row (a reversal carries the superseding revision).</summary>
    public int SaleRevision { get; init; }

    public CreditType Type { get; init; }

    /// <summary>For an adjustment, the type whose amount it corrects; otherwise equal to <see cref="Type"/>.</summary>
    public CreditType AdjustedType { get; init; }

    /// <summary>True for a row that cancels a credit of <see cref="ReversesRevision"/>.</summary>
    public bool IsReversal { get; init; }

    public int ReversesRevision { get; init; }

    public Guid RuleId { get; init; }

    public Guid ParticipantId { get; init; }

    public decimal Amount { get; init; }

    public string Currency { get; init; }

    public decimal ReportingAmount { get; init; }

    public string ReportingCurrency { get; init; }

    public decimal PayAmount { get; init; }

    public string PayCurrency { get; init; }

    public DateOnly CloseDate { get; init; }

    public DateOnly PostingDate { get; init; }

    /// <summary>The territory behind a territory or overlay credit.</summary>
    public Guid? TerritoryId { get; init; }

    /// <summary>The territory's name (territory, overlay) or the credited rep's name (roll-up), for the reason.</summary>
    public string? Subject { get; init; }

    /// <summary>A roll-up that sums the credits of more than one rep under the manager.</summary>
    public bool SeveralReps { get; init; }

    /// <summary>The specialist's role behind an overlay credit.</summary>
    public string? Role { get; init; }

    /// <summary>The type that counts for attainment and diffs: the adjusted type for an adjustment.</summary>
    public CreditType BaseType => Type == CreditType.Adjustment ? AdjustedType : Type;

    /// <summary>Human-readable reason, e.g. "direct: owner of sale S-1" or "roll-up: manager of Ana Ruiz".</summary>
    public string Reason
    {
        get
        {
            var core = Type switch
            {
                CreditType.Direct => $"direct: owner of sale {SaleExternalId}",
                CreditType.Split => $"split: co-seller of sale {SaleExternalId}",
                CreditType.Territory => $"territory: owner of {Subject} for sale {SaleExternalId}",
                CreditType.Overlay => $"overlay: {Role} on {Subject} for sale {SaleExternalId}",
                CreditType.Rollup => SeveralReps ? $"roll-up: manager of {Subject} and others on sale {SaleExternalId}" : $"roll-up: manager of {Subject}",
                CreditType.Adjustment => string.Create(CultureInfo.InvariantCulture, $"adjustment: {AdjustedType.ToString().ToLowerInvariant()} credit on sale {SaleExternalId} re-credited by {Amount} {Currency}"),
                _ => Type.ToString(),
            };
            return IsReversal ? $"reversal of revision {ReversesRevision.ToString(CultureInfo.InvariantCulture)}: {core}" : core;
        }
    }

    /// <summary>The row that cancels this one: every amount negated exactly (never re-converted), so they net to zero.</summary>
    public Credit ReversedBy(int revision, DateOnly postingDate) => this with
    {
        SaleRevision = revision,
        IsReversal = true,
        ReversesRevision = SaleRevision,
        Amount = -Amount,
        ReportingAmount = -ReportingAmount,
        PayAmount = -PayAmount,
        PostingDate = postingDate,
    };
}
