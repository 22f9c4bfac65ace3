using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Contests;

/// <summary>`contests` and `contest(key)`.</summary>
public static class ContestQueries
{
    public const int MaxContests = 200;

    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContestGraphType>>>>("contests")
            .Requires(Capability.ReadLeaderboards)
            .Description($"Contests the caller may see, most recent start first (at most {MaxContests}). A display sees only the contests its allowed boards name; hidden (test) contests are for admins only.")
            .Argument<ContestStatusGraphType>("status", "Only contests in this state.")
            .ResolveAsync(async c =>
            {
                var status = c.GetArgument<ContestStatus?>("status");
                return await ListAsync(c, q => status is { } s ? q.Where(x => x.Status == s) : q);
            });

        query.Field<ContestGraphType>("contest")
            .Requires(Capability.ReadLeaderboards)
            .Description("One contest by key; null when there is none the caller may see.")
            .Argument<NonNullGraphType<StringGraphType>>("key", "The contest's key.")
            .ResolveAsync(async c =>
            {
                var key = c.GetArgument<string>("key");
                return (await ListAsync(c, q => q.Where(x => x.Key == key))).SingleOrDefault();
            });
    }

    private static async Task<IReadOnlyList<Contest>> ListAsync(IResolveFieldContext context, Func<IQueryable<Contest>, IQueryable<Contest>> where)
    {
        var services = context.RequestServices!;
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var visible = await ContestVisibility.FilterAsync(services.GetRequiredService<Caller>(), db, context.CancellationToken);
        var contests = await where(db.Contests.AsNoTracking()).OrderByDescending(x => x.StartsAt).ThenBy(x => x.Key).ToListAsync(context.CancellationToken);
        return [.. contests.Where(visible).Take(MaxContests)];
    }
}
