using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>Root fields over sales and their credits.</summary>
public static class SalesQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(SaleGraphType.TypeName, Capability.ReadPerformance, (s, id) => new TaskResult<StoredSale?>(VisibleSaleAsync(s, id, CancellationToken.None)));

        query.Field<NonNullGraphType<SaleConnectionGraphType>>("sales")
            .Requires(Capability.ReadPerformance)
            .Description("Sales the caller may see, newest first: everything for admin, finance and partners; for a rep the sales they are credited on; for a manager those credited to anyone in their subtree.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {SaleConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<StringGraphType>("source", "Only sales from this source system.")
            .Argument<CalendarDateGraphType>("closedFrom", "Only sales closed on or after this date.")
            .Argument<CalendarDateGraphType>("closedTo", "Only sales closed on or before this date.")
            .ResolveAsync(async c => await PageAsync(c));

        query.Field<SaleGraphType>("sale")
            .Requires(Capability.ReadPerformance)
            .Description("One sale by global id, with its revisions and credits; null when not found or not visible to the caller.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of the sale.")
            .ResolveAsync(async c => GlobalId.TryDecode(c.GetArgument<string>("id"), SaleGraphType.TypeName) is { } id
                ? await VisibleSaleAsync(c.RequestServices!, id, c.CancellationToken)
                : null);
    }

    private static async Task<StoredSale?> VisibleSaleAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(cancellationToken);
        var visible = await services.GetRequiredService<SalesVisibility>().ParticipantsAsync(cancellationToken);
        return await Visible(db, visible).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    private static IQueryable<StoredSale> Visible(SpmDbContext db, IReadOnlySet<Guid>? participants)
    {
        if (participants is null)
        {
            return db.Sales;
        }

        var ids = participants.ToArray();
        return db.Sales.Where(s => db.Credits.Any(c => c.SaleId == s.Id && ids.Contains(c.ParticipantId)));
    }

    private static async Task<Connection<StoredSale>> PageAsync(IResolveFieldContext context)
    {
        var first = PageArguments.First(context, SaleConnectionGraphType.MaxPageSize);

        var afterId = PageArguments.AfterId(context);

        var services = context.RequestServices!;
        var visible = await services.GetRequiredService<SalesVisibility>().ParticipantsAsync(context.CancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var query = Visible(db, visible).AsNoTracking();
        if (context.GetArgument<string?>("source") is { } source)
        {
            query = query.Where(s => s.Source == source);
        }

        if (context.GetArgument<DateOnly?>("closedFrom") is { } from)
        {
            query = query.Where(s => s.CloseDate >= from);
        }

        if (context.GetArgument<DateOnly?>("closedTo") is { } to)
        {
            query = query.Where(s => s.CloseDate <= to);
        }

        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (afterId is { } afterRow)
        {
            // Ids are version 7 (time-ordered): newest first is descending id, a stable keyset.
            query = query.Where(s => s.Id.CompareTo(afterRow) < 0);
        }

        var rows = await query.OrderByDescending(s => s.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var page = rows.Take(first).Select(s => new Edge<StoredSale>(Cursor.Encode(string.Empty, s.Id), s)).ToList();
        return new Connection<StoredSale>(page, new PageInfo(rows.Count > first, afterId is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor), total);
    }
}
