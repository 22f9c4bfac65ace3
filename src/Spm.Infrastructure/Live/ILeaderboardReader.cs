using Spm.Domain.Live;

namespace Spm.Infrastructure.Live;

/// <summary>Reads a leaderboard's current window (from Redis, or from PostgreSQL in degraded mode).</summary>
public interface ILeaderboardReader
{
    /// <summary>The top <paramref name="top"/> entries of the board's current window; null when the tenant has no such board.</summary>
    Task<LeaderboardSnapshot?> TopAsync(Guid tenantId, string boardKey, int top, CancellationToken cancellationToken);
}
