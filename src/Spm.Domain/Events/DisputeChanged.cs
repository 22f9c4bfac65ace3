namespace Spm.Domain.Events;

/// <summary>
/// A compensation dispute was opened or changed status; <see cref="ParticipantId"/> is the rep to notify.
/// Status is the dispute's status by name (Open, InReview, Resolved, Rejected).
/// </summary>
public sealed record DisputeChanged(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    Guid DisputeId,
    Guid ParticipantId,
    string Status,
    string? Resolution,
    decimal? AdjustmentAmount,
    string? AdjustmentCurrency) : IOutboxEvent
{
    public const string TypeName = "dispute.changed";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
