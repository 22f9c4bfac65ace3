using System.Globalization;
using StackExchange.Redis;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// The one place that names leaderboard keys in Redis. Every key of a tenant carries the hash tag
/// <c>{t:&lt;tenantId&gt;}</c>, so a tenant's keys share one cluster slot and a Lua script may touch them all, and starts
/// with the configured prefix (<c>Spm:Redis:KeyPrefix</c>). A board's keys include its version and window start:
/// a changed definition or a new window is a new key, and reads never merge windows.
/// </summary>
public sealed class LeaderboardKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>Common start of every leaderboard key of the tenant.</summary>
    public string Tenant(Guid tenantId) => $"{Prefix}{{t:{tenantId:D}}}:lb:";

    /// <summary>Sorted set of one board window: member = subject id, score = scaled score (see <see cref="LeaderboardScores"/>).</summary>
    public RedisKey Board(Guid tenantId, LeaderboardDefinition board, DateOnly windowStart)
    {
        ArgumentNullException.ThrowIfNull(board);
        return $"{Tenant(tenantId)}b:{board.Id:N}:v{board.Version.ToString(CultureInfo.InvariantCulture)}:{windowStart.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Hash subject -> rank of the board window's latest snapshot; the previous one is <see cref="PreviousSnapshot"/>.</summary>
    public static RedisKey Snapshot(RedisKey board) => board.Append(":snap");

    public static RedisKey PreviousSnapshot(RedisKey board) => board.Append(":prev");

    /// <summary>Sorted set of applied event ids scored by outbox id: an event applied twice counts once.</summary>
    public RedisKey Applied(Guid tenantId) => Tenant(tenantId) + "applied";

    /// <summary>
    /// The epoch: a hash with a field per built board version. Missing entirely means Redis lost the tenant's data
    /// (restart without persistence, FLUSHALL): the projection rebuilds before applying anything.
    /// </summary>
    public RedisKey Built(Guid tenantId) => Tenant(tenantId) + "built";

    public static string BuiltField(LeaderboardDefinition board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return string.Create(CultureInfo.InvariantCulture, $"{board.Id:N}:{board.Version}");
    }
}
