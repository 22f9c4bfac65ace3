using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Spm.Domain.Compensation;
using Spm.Domain.Events;
using Spm.Domain.Live;
using StackExchange.Redis;

namespace Spm.Api.Features.Live;

/// <summary>
/// Fan-out of pushes to the GraphQL subscribers of every node. The notifier runs only on the node that dispatches a
/// tenant's events, so it publishes each push once on a Redis channel per tenant; every node (the publisher included)
/// listens to all of them and hands each message to its local subscribers of that tenant. A subscriber that falls
/// behind loses its oldest messages, not the newest: payloads are snapshots, so the latest one is what matters.
/// </summary>
public sealed partial class LiveBus(IConnectionMultiplexer redis, string channelPrefix, ILogger<LiveBus> logger) : BackgroundService
{
    /// <summary>Messages a subscriber may have waiting before the oldest are dropped.</summary>
    public const int SubscriberCapacity = 64;

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<long, Listener>> listeners = new();
    private long nextListenerId;

    /// <summary>The channel of one tenant's pushes (tenant-prefixed, like every key and group).</summary>
    public string Channel(Guid tenantId) => $"{channelPrefix}live:{tenantId:N}";

    /// <summary>Publishes <paramref name="message"/> to every node's subscribers (this node's too, through Redis).</summary>
    public async Task PublishAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var wire = new Wire(message.Kind, message.TenantId, message.Key, JsonSerializer.SerializeToElement(message.Payload, message.Payload.GetType(), LiveJson.Options));
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Channel(message.TenantId)), JsonSerializer.SerializeToUtf8Bytes(wire, LiveJson.Options));
    }

    /// <summary>
    /// Starts collecting this node's messages of <paramref name="tenantId"/> that pass <paramref name="filter"/>, from now
    /// on (so nothing published after this call is missed); dispose the result to stop.
    /// </summary>
    public Listening Listen(Guid tenantId, Func<LiveMessage, bool> filter)
    {
        var queue = System.Threading.Channels.Channel.CreateBounded<LiveMessage>(
            new BoundedChannelOptions(SubscriberCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Interlocked.Increment(ref nextListenerId);
        var ofTenant = listeners.GetOrAdd(tenantId, _ => new ConcurrentDictionary<long, Listener>());
        ofTenant[id] = new Listener(filter, queue);
        return new Listening(queue.Reader, () => ofTenant.TryRemove(id, out _));
    }

    /// <summary>Number of local listeners (for tests and metrics).</summary>
    public int ListenerCount => listeners.Values.Sum(l => l.Count);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Redis may be down at start: keep trying. Once registered, StackExchange.Redis resubscribes after reconnects.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern($"{channelPrefix}live:*"), Deliver);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogSubscribeFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private void Deliver(RedisChannel channel, RedisValue value)
    {
        // Most pushes (attainment of people nobody follows) have no subscriber on this node: the tenant is in the
        // channel's name, so those are dropped before any JSON is read.
        var name = channel.ToString();
        if (!Guid.TryParseExact(name.AsSpan(name.LastIndexOf(':') + 1), "N", out var channelTenant)
            || !listeners.TryGetValue(channelTenant, out var forTenant) || forTenant.IsEmpty)
        {
            return;
        }

        LiveMessage message;
        try
        {
            var wire = JsonSerializer.Deserialize<Wire>((byte[])value!, LiveJson.Options)!;
            message = new LiveMessage(wire.Kind, wire.TenantId, wire.Key, wire.Kind switch
            {
                LiveMessageKind.LeaderboardChanged => wire.Payload.Deserialize<LeaderboardSnapshot>(LiveJson.Options)!,
                LiveMessageKind.ContestChanged or LiveMessageKind.ContestStarted or LiveMessageKind.ContestEnded => wire.Payload.Deserialize<ContestSnapshot>(LiveJson.Options)!,
                LiveMessageKind.AttainmentChanged => wire.Payload.Deserialize<AttainmentChanged>(LiveJson.Options)!,
                LiveMessageKind.SaleCelebrated => wire.Payload.Deserialize<SaleCelebration>(LiveJson.Options)!,
                LiveMessageKind.EarningsChanged => wire.Payload.Deserialize<EarningsChange>(LiveJson.Options)!,
                LiveMessageKind.DisputeChanged => wire.Payload.Deserialize<DisputeChanged>(LiveJson.Options)!,
                _ => throw new JsonException($"Unknown live message kind {wire.Kind}."),
            });
        }
        catch (JsonException e)
        {
            LogUnreadable(logger, e);
            return;
        }

        // Tenants never see each other: a payload must name the tenant of the channel it came on.
        if (message.TenantId != channelTenant)
        {
            return;
        }

        foreach (var listener in forTenant.Values)
        {
            if (listener.Filter(message))
            {
                listener.Queue.Writer.TryWrite(message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to the live fan-out channel failed; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped an unreadable live fan-out message")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    /// <summary>A registered listener: read its messages; dispose to unregister.</summary>
    public sealed class Listening(ChannelReader<LiveMessage> reader, Action stop) : IDisposable
    {
        public ChannelReader<LiveMessage> Reader => reader;

        public void Dispose() => stop();
    }

    private sealed record Listener(Func<LiveMessage, bool> Filter, Channel<LiveMessage> Queue);

    private sealed record Wire(LiveMessageKind Kind, Guid TenantId, string Key, JsonElement Payload);
}
