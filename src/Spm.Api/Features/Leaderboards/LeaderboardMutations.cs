using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Domain.Live;
using Spm.Infrastructure.Live.Leaderboards;
using Spm.Infrastructure.Persistence;
using StackExchange.Redis;

namespace Spm.Api.Features.Leaderboards;

/// <summary>Admins define leaderboards and rebuild them from the database.</summary>
public static class LeaderboardMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<LeaderboardPayloadGraphType>>("createLeaderboard")
            .Requires(Capability.ManageLeaderboards)
            .Description("Creates a leaderboard and builds its current window from the database; from then on every deal and activity moves it live.")
            .Argument<NonNullGraphType<CreateLeaderboardInputGraphType>>("input", "The board.")
            .ResolveAsync(async c => await SaveAsync(c, create: true));
        mutation.Field<NonNullGraphType<LeaderboardPayloadGraphType>>("updateLeaderboard")
            .Requires(Capability.ManageLeaderboards)
            .Description("Changes a leaderboard; a change of what it counts (metrics, window, scope, subject) starts a new version built from the database.")
            .Argument<NonNullGraphType<UpdateLeaderboardInputGraphType>>("input", "The changes.")
            .ResolveAsync(async c => await SaveAsync(c, create: false));
        mutation.Field<NonNullGraphType<DeleteLeaderboardPayloadGraphType>>("deleteLeaderboard")
            .Requires(Capability.ManageLeaderboards)
            .Description("Deletes a leaderboard; screens paired with its key show nothing for it. Its live keys expire with their windows.")
            .Argument<NonNullGraphType<DeleteLeaderboardInputGraphType>>("input", "The board.")
            .ResolveAsync(async c => await DeleteAsync(c));
        mutation.Field<NonNullGraphType<RebuildLeaderboardsPayloadGraphType>>("rebuildLeaderboards")
            .Requires(Capability.ManageLeaderboards)
            .Description("Rebuilds every leaderboard's current and next window in the live store from the database (the database is the truth). Safe while deals flow.")
            .ResolveAsync(async c => await RebuildAsync(c));
    }

    private static async Task<LeaderboardPayload> SaveAsync(IResolveFieldContext context, bool create)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var services = context.RequestServices!;
        var tenantId = services.GetRequiredService<Caller>().RequireTenant();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        LeaderboardDefinition board;
        object? before = null;
        try
        {
            var key = LeaderboardDefinition.RequireKey(input.GetValueOrDefault("key") as string ?? string.Empty);
            var existing = await db.Set<LeaderboardDefinition>().FirstOrDefaultAsync(b => b.Key == key, context.CancellationToken);
            if (create && existing is not null)
            {
                throw new DomainException("DUPLICATE_KEY", $"There is already a leaderboard '{key}'.", "key");
            }

            if (!create && existing is null)
            {
                throw new DomainException("NOT_FOUND", $"There is no leaderboard '{key}'.", "key");
            }

            before = existing is null ? null : Audited(existing);
            board = existing ?? new LeaderboardDefinition(Guid.CreateVersion7(now), tenantId, key, now);
            var scope = input.GetValueOrDefault("scope") as LeaderboardScope? ?? existing?.Scope ?? LeaderboardScope.Company;
            var scopeId = scope == LeaderboardScope.Company ? null
                : input.TryGetValue("scopeId", out var rawScope) && rawScope is not null ? await ScopeAsync(db, scope, rawScope as string, context.CancellationToken)
                : existing?.Scope == scope ? existing.ScopeId : null;
            board.Define(
                input.TryGetValue("title", out var title) && title is not null ? (string)title : existing?.Title ?? string.Empty,
                input.TryGetValue("metrics", out var metrics) && metrics is not null ? Metrics(metrics) : existing?.Metrics ?? [],
                input.GetValueOrDefault("window") as LeaderboardWindow? ?? existing?.Window ?? LeaderboardWindow.Month,
                scope,
                scopeId,
                input.GetValueOrDefault("subject") as LeaderboardSubject? ?? existing?.Subject ?? LeaderboardSubject.Participants,
                input.GetValueOrDefault("topSize") as int? ?? existing?.TopSize ?? 10,
                now);
        }
        catch (DomainException ex)
        {
            return new LeaderboardPayload(null, [Error(ex)]);
        }

        if (create)
        {
            db.Add(board);
        }

        services.GetRequiredService<AuditTrail>().Record(db, create ? "leaderboard.create" : "leaderboard.update", "Leaderboard", board.Key, before, Audited(board));
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new LeaderboardPayload(null, [new UserError("DUPLICATE_KEY", $"There is already a leaderboard '{board.Key}'.", ["input", "key"])]);
        }

        await TryRebuildAsync(services, tenantId, context.CancellationToken);
        return new LeaderboardPayload(board, []);
    }

    private static async Task<DeleteLeaderboardPayload> DeleteAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var key = input.GetValueOrDefault("key") as string ?? string.Empty;
        var services = context.RequestServices!;
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var board = await db.Set<LeaderboardDefinition>().FirstOrDefaultAsync(b => b.Key == key, context.CancellationToken);
        if (board is null)
        {
            return new DeleteLeaderboardPayload(null, [new UserError("NOT_FOUND", $"There is no leaderboard '{key}'.", ["input", "key"])]);
        }

        db.Remove(board);
        services.GetRequiredService<AuditTrail>().Record(db, "leaderboard.delete", "Leaderboard", board.Key, Audited(board), null);
        await db.SaveChangesAsync(context.CancellationToken);
        return new DeleteLeaderboardPayload(board.Key, []);
    }

    private static async Task<RebuildLeaderboardsPayload> RebuildAsync(IResolveFieldContext context)
    {
        var services = context.RequestServices!;
        var tenantId = services.GetRequiredService<Caller>().RequireTenant();
        int boards;
        try
        {
            boards = await services.GetRequiredService<LeaderboardRebuilder>().RebuildAsync(tenantId, lockHeld: false, context.CancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return new RebuildLeaderboardsPayload(0, [new UserError("LIVE_STORE_UNAVAILABLE", "The live store (Redis) is unreachable; boards are served from the database meanwhile. Try again when it is back.", [])]);
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        services.GetRequiredService<AuditTrail>().Record(db, "leaderboards.rebuild", "Leaderboard", null, null, new { boards });
        await db.SaveChangesAsync(context.CancellationToken);
        return new RebuildLeaderboardsPayload(boards, []);
    }

    /// <summary>A new or changed board is built at once; with Redis down the first read after it returns builds it.</summary>
    private static async Task TryRebuildAsync(IServiceProvider services, Guid tenantId, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<LeaderboardRebuilder>().RebuildAsync(tenantId, lockHeld: false, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            services.GetRequiredService<ILogger<LeaderboardDefinition>>().LogWarning(ex, "Leaderboards of {TenantId} not rebuilt: Redis unreachable; the first read after it returns rebuilds them", tenantId);
        }
    }

    private static async Task<Guid> ScopeAsync(SpmDbContext db, LeaderboardScope scope, string? globalId, CancellationToken cancellationToken)
    {
        var type = scope == LeaderboardScope.Team ? "Team" : "Territory";
        var id = GlobalId.TryDecode(globalId, type) ?? throw new DomainException("INVALID_ID", $"scopeId must be a {type} id for scope {scope.ToString().ToUpperInvariant()}.", "scopeId");
        var exists = scope == LeaderboardScope.Team
            ? await db.Teams.AnyAsync(t => t.Id == id, cancellationToken)
            : await db.Territories.AnyAsync(t => t.Id == id, cancellationToken);
        return exists ? id : throw new DomainException("NOT_FOUND", $"There is no such {type.ToLowerInvariant()} in this tenant.", "scopeId");
    }

    private static List<WeightedMetric> Metrics(object value)
    {
        var metrics = new List<WeightedMetric>();
        foreach (var item in (IEnumerable<object?>)value)
        {
            var row = (IReadOnlyDictionary<string, object?>)item!;
            metrics.Add(new WeightedMetric((LiveMetric)row["metric"]!, row.GetValueOrDefault("weight") is decimal weight ? weight : 1m));
        }

        return metrics;
    }

    private static UserError Error(DomainException ex) =>
        new(ex.Code, ex.Message, ex.Field is null ? ["input"] : ["input", .. ex.Field.Split('.')]);

    private static object Audited(LeaderboardDefinition board) => new
    {
        board.Key,
        board.Title,
        Metrics = board.Metrics.Select(m => new { Metric = m.Metric.ToString(), Weight = m.Weight.ToString(CultureInfo.InvariantCulture) }),
        Window = board.Window.ToString(),
        Scope = board.Scope.ToString(),
        board.ScopeId,
        Subject = board.Subject.ToString(),
        board.TopSize,
        board.Version,
    };
}
