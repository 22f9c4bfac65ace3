using GraphQL.Types;
using Spm.Domain.Audit;

namespace Spm.Api.Features.Access;

/// <summary>One line of the audit log.</summary>
public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "Who did what to which object, when, with the object's state before and after. Written in the same transaction as the change.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the entry.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DateTimeGraphType>>("occurredAt").Description("When it happened (UTC).").Resolve(c => c.Source.OccurredAt.UtcDateTime);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("The token subject that acted (user id, client id), or \"system\".").Resolve(c => c.Source.Actor);
        Field<StringGraphType>("actorRole").Description("The actor's access role at the time; null for the system or an anonymous caller.").Resolve(c => c.Source.ActorRole);
        Field<NonNullGraphType<StringGraphType>>("action").Description("Dotted verb, e.g. `client.created`, `auth.signin.failed`, `display.unpaired`.").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("entityType").Description("Kind of object acted on, e.g. `Client`, `User`, `Display`.").Resolve(c => c.Source.EntityType);
        Field<StringGraphType>("entityId").Description("Id of the object acted on.").Resolve(c => c.Source.EntityId);
        Field<StringGraphType>("before").Description("The object's state before, as a JSON string; null when it was created.").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("The object's state after, as a JSON string; null when it was deleted.").Resolve(c => c.Source.After);
    }
}
