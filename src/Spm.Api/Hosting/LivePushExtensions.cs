using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spm.Api.Features.Live;
using Spm.Infrastructure.Live;
using StackExchange.Redis;

namespace Spm.Api.Hosting;

/// <summary>
/// The push side of the live layer: the SignalR hub at <c>/hubs/live</c> (JSON and MessagePack, Redis backplane), the
/// notifier the dispatcher calls, the Redis fan-out for GraphQL subscriptions, and the subscription graph types.
/// </summary>
internal static class LivePushExtensions
{
    public const string HubPath = "/hubs/live";

    public static WebApplicationBuilder AddSpmLivePush(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SpmConfigurationKeys.Live);
        builder.Services.Configure<LivePushOptions>(section);
        var keyPrefix = builder.Configuration[SpmConfigurationKeys.RedisKeyPrefix] ?? "spm:";
        var channelPrefix = section[nameof(LivePushOptions.ChannelPrefix)] is { Length: > 0 } configured ? configured : keyPrefix + "signalr";
        builder.Services.AddSignalR()
            .AddJsonProtocol(o => LiveJson.Configure(o.PayloadSerializerOptions))
            .AddMessagePackProtocol()
            // Its own connection from the same connection string: the backplane's channel prefix applies to every
            // channel of a connection, and the shared one carries other pub/sub.
            .AddStackExchangeRedis(SpmConfigurationKeys.Require(builder.Configuration, SpmConfigurationKeys.Redis), o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(channelPrefix);
                o.Configuration.AbortOnConnectFail = false;
            });

        builder.Services.AddSingleton(services => new LiveBus(
            services.GetRequiredService<IConnectionMultiplexer>(), keyPrefix, services.GetRequiredService<ILogger<LiveBus>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveBus>());
        builder.Services.AddScoped<LiveAccess>();
        // Replaces the dispatcher's no-op notifier, whichever was registered first.
        builder.Services.RemoveAll<ILiveNotifier>();
        builder.Services.AddSingleton<LiveNotifier>();
        builder.Services.AddSingleton<ILiveNotifier>(services => services.GetRequiredService<LiveNotifier>());
        // Without the live projections (a host that runs no dispatcher) there are no boards: subscribing returns nothing.
        builder.Services.TryAddSingleton<ILeaderboardReader, NoLiveBoards>();
        builder.Services.TryAddSingleton<IContestReader, NoLiveBoards>();

        builder.Services.AddSingleton<LeaderboardSnapshotGraphType>();
        builder.Services.AddSingleton<LeaderboardSnapshotEntryGraphType>();
        builder.Services.AddSingleton<ContestSnapshotGraphType>();
        builder.Services.AddSingleton<SaleCelebrationGraphType>();
        builder.Services.AddSingleton<AttainmentChangeGraphType>();
        return builder;
    }

    public static WebApplication MapSpmLivePush(this WebApplication app)
    {
        // WebSockets for browsers and screens; SSE and long polling for networks that block them. Several nodes need
        // sticky sessions, or WebSocket clients that skip negotiation (what the TV page and the tests do).
        app.MapHub<LiveHub>(HubPath, o => o.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling);
        return app;
    }

    /// <summary>Stand-in readers for a host without live projections.</summary>
    private sealed class NoLiveBoards : ILeaderboardReader, IContestReader
    {
        public Task<Domain.Live.LeaderboardSnapshot?> TopAsync(Guid tenantId, string boardKey, int top, CancellationToken cancellationToken) =>
            Task.FromResult<Domain.Live.LeaderboardSnapshot?>(null);

        public Task<Domain.Live.ContestSnapshot?> ContestAsync(Guid tenantId, string contestKey, int top, CancellationToken cancellationToken) =>
            Task.FromResult<Domain.Live.ContestSnapshot?>(null);
    }
}
