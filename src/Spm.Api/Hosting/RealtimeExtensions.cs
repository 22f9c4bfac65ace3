using Microsoft.Extensions.DependencyInjection.Extensions;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Live.Leaderboards;

namespace Spm.Api.Hosting;

internal static class RealtimeExtensions
{
    /// <summary>The live layer: the outbox dispatcher with its projections, and (from the push layer) the notifier.</summary>
    public static WebApplicationBuilder AddSpmRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<OutboxDispatcherOptions>()
            .Bind(builder.Configuration.GetSection(SpmConfigurationKeys.LiveDispatcher))
            .Validate(o => o.EarningsCpuShare is > 0 and <= 1, $"{SpmConfigurationKeys.LiveDispatcher}:EarningsCpuShare must be above 0 and at most 1 (a share of one core).")
            .ValidateOnStart();
        builder.Services.AddSingleton<DispatcherMetrics>();
        builder.Services.AddSingleton<ParticipantNames>();
        // Leaderboards: one class names the Redis keys; the projection writes, the reader serves boards.
        builder.Services.AddSingleton(new LeaderboardKeys(builder.Configuration[SpmConfigurationKeys.RedisKeyPrefix] ?? "spm:"));
        builder.Services.AddSingleton<LiveTenantCache>();
        builder.Services.AddSingleton<LeaderboardStore>();
        builder.Services.AddSingleton<LeaderboardRebuilder>();
        builder.Services.AddSingleton<LeaderboardReader>();
        builder.Services.AddSingleton<ILeaderboardReader>(services => services.GetRequiredService<LeaderboardReader>());
        builder.Services.AddSingleton<IOutboxProjection, LeaderboardProjection>();
        // Live earnings: per node, per tenant cache of participants' earnings so far, fed by the dispatcher.
        builder.Services.AddSingleton<Spm.Infrastructure.Compensation.LiveEarningsConsumer>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        // Without the push layer the dispatcher still keeps Redis current; the hub registers the real notifier.
        builder.Services.TryAddSingleton<ILiveNotifier, NoopLiveNotifier>();
        return builder;
    }
}
