namespace Spm.Domain.Events;

/// <summary>A sale's content changed: <see cref="Revision"/> supersedes <see cref="PreviousRevision"/>.</summary>
public sealed record SaleAmended(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    string Source,
    string ExternalId,
    int Revision,
    int PreviousRevision,
    Guid OwnerParticipantId,
    decimal Amount,
    string Currency,
    decimal ReportingAmount,
    decimal PreviousReportingAmount,
    string ReportingCurrency,
    DateOnly CloseDate) : IOutboxEvent
{
    public const string TypeName = "sale.amended";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
