using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Activities;

/// <summary>A call, email, meeting, demo or visit a participant logged; idempotent by (tenant, source, external id).</summary>
public sealed class Activity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Source { get; set; } = string.Empty;

    public string ExternalId { get; set; } = string.Empty;

    /// <summary><see cref="ActivityKind"/> by name.</summary>
    public string Kind { get; set; } = string.Empty;

    public Guid ParticipantId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? AccountId { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
