namespace Spm.Domain.Live;

/// <summary>
/// A board as a screen shows it: the top entries of its current window, how many entrants it has, and the
/// window's bounds in the tenant's time zone. <see cref="Changed"/> lists the entries whose score or rank moved
/// since the previous push (empty in a full snapshot fetched after a reconnect).
/// </summary>
public sealed record LeaderboardSnapshot(
    Guid TenantId,
    string BoardKey,
    string Title,
    string WindowLabel,
    DateOnly WindowStart,
    DateOnly WindowEnd,
    int Entrants,
    IReadOnlyList<LeaderboardEntry> Top,
    IReadOnlyList<LeaderboardEntry> Changed,
    DateTimeOffset AsOf,
    bool Degraded);
