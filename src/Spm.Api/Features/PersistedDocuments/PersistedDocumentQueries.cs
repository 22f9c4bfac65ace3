using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Infrastructure.PersistedDocuments;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.PersistedDocuments;

/// <summary>Root fields over the persisted-document allow-list.</summary>
public static class PersistedDocumentQueries
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<PersistedDocumentConnectionGraphType>>("persistedDocuments")
            .Requires(Capability.ManageAccess)
            .Description("Documents this tenant's clients may run by `documentId`: the global ones shipped with Spm and the tenant's own, newest first.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {PersistedDocumentConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .ResolveAsync(async c => await PageAsync(c));
    }

    private static async Task<Connection<PersistedDocument>> PageAsync(IResolveFieldContext context)
    {
        var first = PageArguments.First(context, PersistedDocumentConnectionGraphType.MaxPageSize);

        var after = PageArguments.AfterInstant(context);

        var tenantId = context.RequestServices!.GetRequiredService<Caller>().RequireTenant();
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        // Not tenant-owned (global rows have no tenant), so the tenant rule is spelled out here.
        var query = db.PersistedDocuments.AsNoTracking().Where(d => d.TenantId == null || d.TenantId == tenantId);
        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (after is (var at, var afterId))
        {
            query = query.Where(d => d.RegisteredAt < at || (d.RegisteredAt == at && d.Id < afterId));
        }

        var rows = await query.OrderByDescending(d => d.RegisteredAt).ThenByDescending(d => d.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var page = rows.Take(first)
            .Select(d => new Edge<PersistedDocument>(Cursor.Encode(d.RegisteredAt, d.Id), d))
            .ToList();
        return new Connection<PersistedDocument>(
            page,
            new PageInfo(rows.Count > first, after is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor),
            total);
    }
}
