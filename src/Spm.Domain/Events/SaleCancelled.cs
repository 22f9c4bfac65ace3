namespace Spm.Domain.Events;

/// <summary>A sale was cancelled by revision <see cref="Revision"/>; <see cref="ReportingAmount"/> is what was withdrawn.</summary>
public sealed record SaleCancelled(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    string Source,
    string ExternalId,
    int Revision,
    int CancelledRevision,
    Guid OwnerParticipantId,
    decimal ReportingAmount,
    string ReportingCurrency,
    DateOnly CloseDate) : IOutboxEvent
{
    public const string TypeName = "sale.cancelled";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
