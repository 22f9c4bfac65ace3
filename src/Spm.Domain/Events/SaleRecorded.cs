namespace Spm.Domain.Events;

/// <summary>A new sale (revision 1) was recorded. Amounts in the sale currency and the reporting currency.</summary>
public sealed record SaleRecorded(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    string Source,
    string ExternalId,
    int Revision,
    Guid OwnerParticipantId,
    decimal Amount,
    string Currency,
    decimal ReportingAmount,
    string ReportingCurrency,
    DateOnly CloseDate,
    Guid? AccountId,
    string? Product) : IOutboxEvent
{
    public const string TypeName = "sale.recorded";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
