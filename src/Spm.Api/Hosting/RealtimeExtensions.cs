using Microsoft.Extensions.DependencyInjection.Extensions;
using Spm.Infrastructure.Live;

namespace Spm.Api.Hosting;

internal static class RealtimeExtensions
{
    /// <summary>The live layer: the outbox dispatcher with its projections, and (from the push layer) the notifier.</summary>
    public static WebApplicationBuilder AddSpmRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<OutboxDispatcherOptions>(builder.Configuration.GetSection(SpmConfigurationKeys.LiveDispatcher));
        builder.Services.AddSingleton<DispatcherMetrics>();
        builder.Services.AddSingleton<ParticipantNames>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        // Without the push layer the dispatcher still keeps Redis current; the hub registers the real notifier.
        builder.Services.TryAddSingleton<ILiveNotifier, NoopLiveNotifier>();
        return builder;
    }
}
