using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Infrastructure.Live.Leaderboards;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Leaderboards;

/// <summary>Root fields over leaderboards. A paired screen (role display) sees only the boards it was paired for.</summary>
public static class LeaderboardQueries
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderboardGraphType>>>>("leaderboards")
            .Requires(Capability.ReadLeaderboards)
            .Description("The tenant's leaderboards by key (a screen: only those it was paired for).")
            .ResolveAsync(async c =>
            {
                var boards = await BoardsAsync(c, null);
                var allowed = await AllowedAsync(c);
                return boards.Where(b => allowed is null || allowed.Contains(b.Key)).ToList();
            });
        query.Field<LeaderboardGraphType>("leaderboard")
            .Requires(Capability.ReadLeaderboards)
            .Description("One leaderboard by key; null when there is none, and for a screen, when it was not paired for that key.")
            .Argument<NonNullGraphType<StringGraphType>>("key", "The board's key.")
            .ResolveAsync(async c =>
            {
                var key = c.GetArgument<string>("key");
                // Like node(id:) for a type the caller may not read: nothing, rather than a hint that the key exists.
                if (await AllowedAsync(c) is { } allowed && !allowed.Contains(key))
                {
                    return null;
                }

                var boards = await BoardsAsync(c, key);
                return boards.Count == 0 ? null : boards[0];
            });
    }

    private static async Task<IReadOnlyList<LeaderboardDefinition>> BoardsAsync(IResolveFieldContext context, string? key)
    {
        var services = context.RequestServices!;
        await using var connection = await services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync(context.CancellationToken);
        return await LeaderboardCatalog.LoadAsync(connection, services.GetRequiredService<Caller>().RequireTenant(), key, context.CancellationToken);
    }

    /// <summary>The keys a screen may read; null for everyone else (all boards).</summary>
    private static async Task<HashSet<string>?> AllowedAsync(IResolveFieldContext context)
    {
        var services = context.RequestServices!;
        var caller = services.GetRequiredService<Caller>();
        if (caller.Role != SpmRoles.Display)
        {
            return null;
        }

        if (caller.DisplayId is not { } displayId)
        {
            return [];
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var display = await db.Displays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == displayId, context.CancellationToken);
        return display is { IsPaired: true } ? [.. display.AllowedBoards] : [];
    }
}
