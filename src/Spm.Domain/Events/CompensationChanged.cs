namespace Spm.Domain.Events;

/// <summary>
/// Plans or assignments changed in a way that moves earnings (a plan version published, a participant assigned);
/// live earnings caches drop the participants named (everyone of the tenant when the list is empty) and rebuild
/// them from the database on their next credit.
/// </summary>
public sealed record CompensationChanged(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    string Reason,
    IReadOnlyList<Guid> ParticipantIds) : IOutboxEvent
{
    public const string TypeName = "compensation.changed";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
