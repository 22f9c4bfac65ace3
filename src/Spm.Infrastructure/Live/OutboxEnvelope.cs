using Spm.Domain.Events;

namespace Spm.Infrastructure.Live;

/// <summary>
/// An outbox row as the dispatcher hands it to projections: its position in the tenant's commit order (see
/// <see cref="Outbox.OutboxCommitOrderSql"/>) and the decoded event.
/// </summary>
public sealed record OutboxEnvelope(long Position, Guid TenantId, IOutboxEvent Event);
