using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// One revision of a sale as stored: the original, an amendment or a cancellation, with the full content it
/// carried (a cancellation repeats the content it withdrew). Never updated.
/// </summary>
public sealed class StoredSaleRevision : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid SaleId { get; set; }

    public int Number { get; set; }

    /// <summary>Original, Amendment or Cancellation (<see cref="Domain.Sales.SaleRevisionKind"/> by name).</summary>
    public string Kind { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public string Currency { get; set; } = string.Empty;

    public decimal ReportingAmount { get; set; }

    public DateOnly CloseDate { get; set; }

    public Guid? AccountId { get; set; }

    public string? Product { get; set; }

    public string? Segment { get; set; }

    public Guid OwnerParticipantId { get; set; }

    /// <summary>The split table as JSON: <c>[{"participantId":"...","splitPercent":60}]</c>; null without one.</summary>
    public string? CoSellers { get; set; }

    public string ContentHash { get; set; } = string.Empty;

    /// <summary>Where the revision came from: <c>graphql</c> or <c>bulk:&lt;import id&gt;</c>.</summary>
    public string Channel { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
}
