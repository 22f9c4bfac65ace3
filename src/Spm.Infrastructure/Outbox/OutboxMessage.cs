using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Outbox;

/// <summary>
/// One event in the outbox, written in the same transaction as the change it reports; the payload is the event
/// record of <see cref="Domain.Events.EventCatalog"/> as JSON. Consumers resume from <see cref="Position"/>, not
/// from the id: see <see cref="OutboxCommitOrderSql"/>.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public long Id { get; set; }

    /// <summary>
    /// The tenant's commit order, given by the database when the writing transaction commits (null inside it, never
    /// written by the application). Every row of a tenant with a smaller position committed earlier.
    /// </summary>
    public long? Position { get; set; }

    public Guid TenantId { get; set; }

    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
}
