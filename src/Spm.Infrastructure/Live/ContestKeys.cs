namespace Spm.Infrastructure.Live;

/// <summary>
/// The one place that names a contest's Redis keys. All of a tenant's keys carry the hash tag <c>{t:&lt;tenantId&gt;}</c>
/// so they share a cluster slot (one Lua script may touch them all), and the configured prefix (Spm:Redis:KeyPrefix) so
/// apps and test runs sharing a server never collide. The <c>contest</c> segment keeps them apart from leaderboard keys.
/// </summary>
public sealed class ContestKeys(string prefix)
{
    public string Prefix { get; } = prefix ?? string.Empty;

    /// <summary>Sorted set: participant id -> score in the contest window (raw, before any baseline).</summary>
    public string Scores(Guid tenantId, Guid contestId) => Base(tenantId, contestId) + ":scores";

    /// <summary>Sorted set: participant id -> finishing position (1, 2, ...) in a race.</summary>
    public string Finishers(Guid tenantId, Guid contestId) => Base(tenantId, contestId) + ":finish";

    /// <summary>Hash: participant id -> the instant (Unix ms) the goal was reached.</summary>
    public string FinishTimes(Guid tenantId, Guid contestId) => Base(tenantId, contestId) + ":finishat";

    /// <summary>Set of the event ids already applied to the contest: an event applied twice counts once.</summary>
    public string Applied(Guid tenantId, Guid contestId) => Base(tenantId, contestId) + ":applied";

    private string Base(Guid tenantId, Guid contestId) => $"{Prefix}{{t:{tenantId}}}:contest:{contestId:N}";
}
