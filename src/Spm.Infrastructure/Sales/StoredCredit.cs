using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// One row of the credit ledger as stored (see <see cref="Domain.Crediting.Credit"/>): appended, never updated
/// or deleted. Reversals and adjustments are rows of their own, so a participant's credit is always the sum.
/// </summary>
public sealed class StoredCredit : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid SaleId { get; set; }

    /// <summary>The revision that wrote the row (a reversal carries the superseding revision).</summary>
    public Guid SaleRevisionId { get; set; }

    public int SaleRevision { get; set; }

    /// <summary><see cref="Domain.Crediting.CreditType"/> by name.</summary>
    public string Type { get; set; } = string.Empty;

    public string AdjustedType { get; set; } = string.Empty;

    public bool IsReversal { get; set; }

    public int? ReversesRevision { get; set; }

    public Guid RuleId { get; set; }

    public Guid ParticipantId { get; set; }

    public string Reason { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public string Currency { get; set; } = string.Empty;

    public decimal ReportingAmount { get; set; }

    public string ReportingCurrency { get; set; } = string.Empty;

    public decimal PayAmount { get; set; }

    public string PayCurrency { get; set; } = string.Empty;

    public DateOnly CloseDate { get; set; }

    public DateOnly PostingDate { get; set; }

    /// <summary>The fiscal month the posting date falls in; null when the tenant's calendar has no such period stored.</summary>
    public Guid? PeriodId { get; set; }

    public Guid? TerritoryId { get; set; }
}
