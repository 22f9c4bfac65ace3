using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Access;
using Spm.Domain.Audit;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Access;

/// <summary>Root fields about access: who am I, the tenant's clients and screens, the audit log.</summary>
public static class AccessQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(DisplayGraphType.TypeName, Capability.ManageAccess, (s, id) => new TaskResult<Display?>(LoadDisplayAsync(s, id)));
        nodes.Add(ClientGraphType.TypeName, Capability.ManageAccess, (s, id) => new TaskResult<ClientView?>(LoadClientAsync(s, id)));

        query.Field<NonNullGraphType<MeGraphType>>("me")
            .Requires(Capability.Self)
            .Description("The caller: subject, kind, role, scopes, tenant, and the participant (people) or display (screens) the token belongs to.")
            .Resolve(c =>
            {
                var caller = c.RequestServices!.GetRequiredService<Caller>();
                var kind = caller.Kind switch
                {
                    CallerKinds.Client => CallerKind.Client,
                    CallerKinds.Display => CallerKind.Display,
                    _ => CallerKind.Person,
                };
                return new CallerView(
                    caller.Subject,
                    kind,
                    AccessRoles.FromClaim(caller.Role),
                    caller.Scopes,
                    caller.RequireTenant(),
                    kind == CallerKind.Person ? caller.ParticipantId : null,
                    kind == CallerKind.Display ? caller.DisplayId : null);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientGraphType>>>>("clients")
            .Requires(Capability.ManageAccess)
            .Description("The tenant's partner systems and integrations, by name. Secrets are never shown here.")
            .Argument<BooleanGraphType>("includeRevoked", "Also list revoked clients (default false).")
            .ResolveAsync(async c =>
            {
                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                var clients = await ClientDirectory.ListAsync(db, c.RequestServices!.GetRequiredService<Caller>().RequireTenant(), c.CancellationToken);
                return c.GetArgument<bool?>("includeRevoked") == true ? clients : clients.Where(x => x.RevokedAt is null).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisplayGraphType>>>>("displays")
            .Requires(Capability.ManageAccess)
            .Description("The tenant's paired office screens, most recently paired first.")
            .Argument<BooleanGraphType>("includeUnpaired", "Also list screens that were unpaired (default false).")
            .ResolveAsync(async c =>
            {
                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                var displays = db.Displays.AsNoTracking();
                if (c.GetArgument<bool?>("includeUnpaired") != true)
                {
                    displays = displays.Where(d => d.UnpairedAt == null);
                }

                return await displays.OrderByDescending(d => d.PairedAt).ThenByDescending(d => d.Id).ToListAsync(c.CancellationToken);
            });

        query.Field<NonNullGraphType<AuditEntryConnectionGraphType>>("auditLog")
            .Requires(Capability.ReadAudit)
            .Description("The tenant's audit log, newest first, a page at a time; optionally only one action or one object.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {AuditEntryConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return entries after (older than) this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<StringGraphType>("action", "Only entries with exactly this action, e.g. `client.created`.")
            .Argument<StringGraphType>("entityType", "Only entries about this kind of object, e.g. `Display`.")
            .Argument<StringGraphType>("entityId", "Only entries about the object with this id (as recorded in `entityId`).")
            .ResolveAsync(async c => await AuditLogAsync(c));
    }

    private static IDbContextFactory<SpmDbContext> Contexts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>();

    private static async Task<Display?> LoadDisplayAsync(IServiceProvider services, Guid id)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        return await db.Displays.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
    }

    private static async Task<ClientView?> LoadClientAsync(IServiceProvider services, Guid id)
    {
        if (services.GetRequiredService<Caller>().TenantId is not { } tenant)
        {
            return null;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        return await ClientDirectory.FindAsync(db, tenant, id, default);
    }

    private static async Task<Connection<AuditEntry>> AuditLogAsync(IResolveFieldContext context)
    {
        var first = PageArguments.First(context, AuditEntryConnectionGraphType.MaxPageSize);

        var after = context.GetArgument<string?>("after");
        DateTimeOffset? afterTime = null;
        var afterId = Guid.Empty;
        if (after is not null)
        {
            if (!Cursor.TryDecode(after, out var sortKey, out afterId)
                || !DateTimeOffset.TryParseExact(sortKey, "O", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed))
            {
                throw new ExecutionError("`after` is not a cursor returned by this field.") { Code = "INVALID_ARGUMENT" };
            }

            afterTime = parsed;
        }

        await using var db = await Contexts(context).CreateDbContextAsync(context.CancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (context.GetArgument<string?>("action") is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (context.GetArgument<string?>("entityType") is { } entityType)
        {
            query = query.Where(a => a.EntityType == entityType);
        }

        if (context.GetArgument<string?>("entityId") is { } entityId)
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        // Counting is a second query over the whole filtered log: run it only when asked for.
        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (afterTime is { } time)
        {
            query = query.Where(a => a.OccurredAt < time || (a.OccurredAt == time && a.Id < afterId));
        }

        var rows = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var page = rows.Take(first).Select(a => new Edge<AuditEntry>(Cursor.Encode(a.OccurredAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture), a.Id), a)).ToList();
        return new Connection<AuditEntry>(
            page,
            new PageInfo(rows.Count > first, after is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor),
            total);
    }
}
