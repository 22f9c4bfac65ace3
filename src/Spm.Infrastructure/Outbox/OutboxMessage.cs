using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Outbox;

/// <summary>
/// One event in the outbox, written in the same transaction as the change it reports; the payload is the event
/// record of <see cref="Domain.Events.EventCatalog"/> as JSON. Consumers resume from <see cref="Position"/>, not
/// from the id: see <see cref="OutboxPositions"/>.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public long Id { get; set; }

    /// <summary>
    /// The tenant's order for consumers, given by the dispatcher once the row is committed (null until then, never
    /// written by writers): no row ever gets a position below one already given.
    /// </summary>
    public long? Position { get; set; }

    public Guid TenantId { get; set; }

    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
}
