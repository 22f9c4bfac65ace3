using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// The head of a sale's history: its key and the content of the latest revision, so listing and classifying
/// need no join. Only the ingestion path (<see cref="SalesLedger"/>) writes it, always together with a new
/// <see cref="StoredSaleRevision"/>; the revisions are the history, this row is never the only record.
/// </summary>
public sealed class StoredSale : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Source { get; set; } = string.Empty;

    public string ExternalId { get; set; } = string.Empty;

    /// <summary>Number of the latest revision (1 for a sale never amended).</summary>
    public int CurrentRevision { get; set; }

    /// <summary>True once the latest revision is a cancellation.</summary>
    public bool IsCancelled { get; set; }

    /// <summary>Content hash of the latest revision: a replay is recognised by comparing it.</summary>
    public string ContentHash { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public string Currency { get; set; } = string.Empty;

    public decimal ReportingAmount { get; set; }

    public string ReportingCurrency { get; set; } = string.Empty;

    public DateOnly CloseDate { get; set; }

    public Guid? AccountId { get; set; }

    public string? Product { get; set; }

    public string? Segment { get; set; }

    public Guid OwnerParticipantId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
