using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Contests;

/// <summary>`contests` (a connection) and `contest(key)`.</summary>
public static class ContestQueries
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ContestConnectionGraphType>>("contests")
            .Requires(Capability.ReadLeaderboards)
            .Description("Contests the caller may see, most recent start first. A display sees only the contests its allowed boards name; hidden (test) contests are for admins only.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {ContestConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<ContestStatusGraphType>("status", "Only contests in this state.")
            .ResolveAsync(async c => await PageAsync(c));

        query.Field<ContestGraphType>("contest")
            .Requires(Capability.ReadLeaderboards)
            .Description("One contest by key; null when there is none the caller may see.")
            .Argument<NonNullGraphType<StringGraphType>>("key", "The contest's key.")
            .ResolveAsync(async c =>
            {
                var key = c.GetArgument<string>("key");
                var services = c.RequestServices!;
                await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var visible = await ContestVisibility.FilterAsync(services.GetRequiredService<Caller>(), db, c.CancellationToken);
                return await visible(db.Contests.AsNoTracking()).SingleOrDefaultAsync(x => x.Key == key, c.CancellationToken);
            });
    }

    /// <summary>Keyset paging on (start descending, id): the cursor carries the start instant and the id.</summary>
    private static async Task<Connection<Contest>> PageAsync(IResolveFieldContext context)
    {
        var first = PageArguments.First(context, ContestConnectionGraphType.MaxPageSize);
        var after = PageArguments.AfterInstant(context);
        var services = context.RequestServices!;
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var query = (await ContestVisibility.FilterAsync(services.GetRequiredService<Caller>(), db, context.CancellationToken))(db.Contests.AsNoTracking());
        if (context.GetArgument<ContestStatus?>("status") is { } status)
        {
            query = query.Where(x => x.Status == status);
        }

        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (after is (var start, var id))
        {
            query = query.Where(x => x.StartsAt < start || (x.StartsAt == start && x.Id.CompareTo(id) > 0));
        }

        var rows = await query.OrderByDescending(x => x.StartsAt).ThenBy(x => x.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var page = rows.Take(first)
            .Select(x => new Edge<Contest>(Cursor.Encode(x.StartsAt, x.Id), x)).ToList();
        return new Connection<Contest>(page, new PageInfo(rows.Count > first, after is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor), total);
    }
}
