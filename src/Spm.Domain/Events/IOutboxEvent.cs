using Spm.Domain.Organisation;

namespace Spm.Domain.Events;

/// <summary>
/// An event written to the outbox in the same transaction as the change it reports. <see cref="Type"/> and
/// <see cref="SchemaVersion"/> are the contract with consumers (see <see cref="EventCatalog"/>): a consumer
/// dispatches on the type, and a breaking change of a payload bumps the version instead of reusing it.
/// </summary>
public interface IOutboxEvent : ITenantOwned
{
    /// <summary>Stable dotted name, e.g. "sale.recorded"; never renamed.</summary>
    string Type { get; }

    int SchemaVersion { get; }

    /// <summary>Unique per event; consumers de-duplicate on it (every apply to Redis is idempotent).</summary>
    Guid EventId { get; }

    /// <summary>When the change committed.</summary>
    DateTimeOffset OccurredAt { get; }
}
