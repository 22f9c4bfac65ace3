using Spm.Api.Hosting;
using Spm.Infrastructure.Live;
using StackExchange.Redis;

namespace Spm.Api.Features.Contests;

/// <summary>Registers the contests feature: graph types, the Redis store and projection, the reader and the scheduler.</summary>
public static class ContestServices
{
    /// <summary>Configuration key: seconds between scheduler runs (default 5).</summary>
    public const string SchedulerIntervalKey = "Spm:Contests:SchedulerIntervalSeconds";

    /// <summary>Configuration key: false keeps this node from starting and ending contests (test hosts drive the lifecycle on their own clock).</summary>
    public const string SchedulerEnabledKey = "Spm:Contests:SchedulerEnabled";

    public static IServiceCollection AddSpmContests(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<ContestFormatGraphType>();
        services.AddSingleton<ContestStatusGraphType>();
        services.AddSingleton<ContestScopeGraphType>();
        services.AddSingleton<ContestMetricGraphType>();
        services.AddSingleton<ContestStandingGraphType>();
        services.AddSingleton<ContestPairGraphType>();
        services.AddSingleton<ContestPairInputGraphType>();
        services.AddSingleton<ContestCashPrizeInputGraphType>();
        services.AddSingleton<ContestCashPrizeGraphType>();
        services.AddSingleton<ContestGraphType>();
        services.AddSingleton<ContestConnectionGraphType>();
        services.AddSingleton<CreateContestInputGraphType>();
        services.AddSingleton<UpdateContestInputGraphType>();
        services.AddSingleton<ContestIdInputGraphType>();
        services.AddSingleton<ContestPayloadGraphType>();

        var prefix = configuration[SpmConfigurationKeys.RedisKeyPrefix] ?? "spm:";
        services.AddSingleton(new ContestKeys(prefix));
        services.AddSingleton(s => new ContestStore(s.GetRequiredService<IConnectionMultiplexer>(), s.GetRequiredService<ContestKeys>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ContestDatabase>();
        services.AddSingleton<ContestSqlScores>();
        services.AddSingleton<ContestReader>();
        services.AddSingleton<IContestReader>(s => s.GetRequiredService<ContestReader>());
        services.AddSingleton<ContestProjection>();
        services.AddSingleton<IOutboxProjection>(s => s.GetRequiredService<ContestProjection>());
        services.AddSingleton<ContestLifecycle>();
        if (string.Equals(configuration[SchedulerEnabledKey], "false", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        var seconds = int.TryParse(configuration[SchedulerIntervalKey], out var s) && s > 0 ? s : 5;
        services.AddHostedService(sp => new ContestScheduler(
            sp.GetRequiredService<ContestLifecycle>(),
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(seconds),
            sp.GetRequiredService<ILogger<ContestScheduler>>()));
        return services;
    }
}
