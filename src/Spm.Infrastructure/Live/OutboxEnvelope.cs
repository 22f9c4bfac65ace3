using Spm.Domain.Events;

namespace Spm.Infrastructure.Live;

/// <summary>An outbox row as the dispatcher hands it to projections: its position in the outbox and the decoded event.</summary>
public sealed record OutboxEnvelope(long Id, Guid TenantId, IOutboxEvent Event);
