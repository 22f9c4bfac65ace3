using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Outbox;

/// <summary>
/// One event in the outbox, written in the same transaction as the change it reports. The bigserial id gives
/// consumers a total order to resume from; the payload is the event record of <see cref="Domain.Events.EventCatalog"/> as JSON.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
}
