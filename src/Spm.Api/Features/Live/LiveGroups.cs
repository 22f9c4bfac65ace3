namespace Spm.Api.Features.Live;

/// <summary>
/// Names of SignalR groups and of the Redis fan-out channel, always prefixed by tenant so one tenant's pushes can
/// never reach another's clients, whatever key a client asks for.
/// </summary>
public static class LiveGroups
{
    public static string Leaderboard(Guid tenantId, string boardKey) => $"t:{tenantId:N}:board:{boardKey}";

    public static string Contest(Guid tenantId, string contestKey) => $"t:{tenantId:N}:contest:{contestKey}";

    public static string Participant(Guid tenantId, Guid participantId) => $"t:{tenantId:N}:participant:{participantId:N}";

    public static string Team(Guid tenantId, Guid teamId) => $"t:{tenantId:N}:team:{teamId:N}";

    /// <summary>Everyone of the tenant who may see deal amounts (joined on connect).</summary>
    public static string SalesWithAmounts(Guid tenantId) => $"t:{tenantId:N}:sales:amounts";

    /// <summary>Everyone of the tenant who sees who closed a deal but not how much (joined on connect).</summary>
    public static string SalesWithoutAmounts(Guid tenantId) => $"t:{tenantId:N}:sales:names";

    /// <summary>One participant's earnings and disputes: the participant, their manager chain, finance and admin may join.</summary>
    public static string Earnings(Guid tenantId, Guid participantId) => $"t:{tenantId:N}:earnings:{participantId:N}";

    /// <summary>Every dispute of the tenant (finance and admin).</summary>
    public static string Disputes(Guid tenantId) => $"t:{tenantId:N}:disputes";

    /// <summary>One calculation run's progress (admin and finance).</summary>
    public static string CalculationRun(Guid tenantId, Guid runId) => $"t:{tenantId:N}:run:{runId:N}";
}
