using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Audit;

/// <summary>
/// One line of the audit log: who did what to which object, when, with the object's state
/// before and after (JSON). Written in the same transaction as the change it describes, so the
/// log can never claim a change that did not happen, nor miss one that did.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public AuditEntry(
        Guid id,
        Guid tenantId,
        DateTimeOffset occurredAt,
        string actor,
        string? actorRole,
        string action,
        string entityType,
        string? entityId,
        string? before,
        string? after)
    {
        Id = id;
        TenantId = tenantId;
        OccurredAt = occurredAt;
        Actor = Guard.NotBlank(actor, nameof(actor), 200);
        ActorRole = actorRole;
        Action = Guard.NotBlank(action, nameof(action), 100);
        EntityType = Guard.NotBlank(entityType, nameof(entityType), 100);
        EntityId = entityId;
        Before = before;
        After = after;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The token's subject: a user id, a client id, or "system" for the platform itself.</summary>
    public string Actor { get; private set; }

    public string? ActorRole { get; private set; }

    /// <summary>Dotted verb, e.g. "quota.allocate", "auth.signin.failed", "client.secret.rotated".</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>JSON of the object before the change; null when it was created.</summary>
    public string? Before { get; private set; }

    /// <summary>JSON of the object after the change; null when it was deleted.</summary>
    public string? After { get; private set; }
}
