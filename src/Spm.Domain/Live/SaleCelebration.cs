namespace Spm.Domain.Live;

/// <summary>
/// A deal landed: who closed it and how much, for the TV celebration and the deal feed. The push layer drops
/// <see cref="ReportingAmount"/> for viewers who may not see the amount.
/// </summary>
public sealed record SaleCelebration(
    Guid TenantId,
    Guid SaleEventId,
    Guid ParticipantId,
    string ParticipantName,
    decimal ReportingAmount,
    string ReportingCurrency,
    string? Product,
    DateOnly CloseDate,
    DateTimeOffset At);
