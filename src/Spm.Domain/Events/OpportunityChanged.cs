namespace Spm.Domain.Events;

/// <summary>An opportunity was created or changed; <see cref="PreviousStage"/> is null for a new one.</summary>
public sealed record OpportunityChanged(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    string Source,
    string ExternalId,
    Guid OwnerParticipantId,
    string Stage,
    string? PreviousStage,
    decimal Amount,
    string Currency,
    decimal Probability,
    DateOnly? ExpectedCloseDate,
    bool IsWon,
    bool IsLost) : IOutboxEvent
{
    public const string TypeName = "opportunity.changed";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
