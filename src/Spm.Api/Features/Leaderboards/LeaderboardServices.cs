namespace Spm.Api.Features.Leaderboards;

/// <summary>The leaderboards' graph types, listed (not scanned) like every feature's.</summary>
public static class LeaderboardServices
{
    public static IServiceCollection AddSpmLeaderboardGraph(this IServiceCollection services)
    {
        services.AddSingleton<LeaderboardMetricGraphType>();
        services.AddSingleton<LeaderboardWindowGraphType>();
        services.AddSingleton<LeaderboardScopeGraphType>();
        services.AddSingleton<LeaderboardSubjectGraphType>();
        services.AddSingleton<WeightedMetricGraphType>();
        services.AddSingleton<WeightedMetricInputGraphType>();
        services.AddSingleton<LeaderboardGraphType>();
        services.AddSingleton<LeaderboardStandingsGraphType>();
        services.AddSingleton<LeaderboardEntryGraphType>();
        services.AddSingleton<CreateLeaderboardInputGraphType>();
        services.AddSingleton<UpdateLeaderboardInputGraphType>();
        services.AddSingleton<DeleteLeaderboardInputGraphType>();
        services.AddSingleton<LeaderboardPayloadGraphType>();
        services.AddSingleton<DeleteLeaderboardPayloadGraphType>();
        services.AddSingleton<RebuildLeaderboardsPayloadGraphType>();
        return services;
    }
}
