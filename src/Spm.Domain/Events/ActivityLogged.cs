namespace Spm.Domain.Events;

/// <summary>A rep logged an activity (kind: call, email, meeting, demo, visit).</summary>
public sealed record ActivityLogged(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    Guid ActivityId,
    Guid ParticipantId,
    string Kind,
    DateTimeOffset At,
    Guid? AccountId,
    string? Outcome) : IOutboxEvent
{
    public const string TypeName = "activity.logged";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
