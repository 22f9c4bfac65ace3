using System.Text.Json;
using Spm.Api.Auth;
using Spm.Domain.Audit;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Audit;

/// <summary>
/// Adds audit entries to the caller's unit of work: the entry is saved by the same SaveChanges
/// as the change it describes, so the log and the data never disagree. Every mutation calls it.
/// </summary>
public sealed class AuditTrail(Caller caller, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records <paramref name="action"/> on an entity with its state before and after (any serialisable object, or null).</summary>
    public AuditEntry Record(SpmDbContext db, string action, string entityType, string? entityId, object? before, object? after, Guid? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = new AuditEntry(
            Guid.CreateVersion7(clock.GetUtcNow()),
            tenantId ?? caller.RequireTenant(),
            clock.GetUtcNow(),
            caller.Subject,
            caller.Role,
            action,
            entityType,
            entityId,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json));
        db.AuditLog.Add(entry);
        return entry;
    }
}
