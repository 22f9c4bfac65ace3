using Spm.Domain.Contests;

namespace Spm.Domain.Events;

/// <summary>A contest ended and its final standings were frozen; the winners with their places and prizes.</summary>
public sealed record ContestEnded(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    Guid ContestId,
    string ContestKey,
    string Title,
    string Format,
    bool Hidden,
    IReadOnlyList<ContestWinner> Winners) : IOutboxEvent
{
    public const string TypeName = "contest.ended";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
