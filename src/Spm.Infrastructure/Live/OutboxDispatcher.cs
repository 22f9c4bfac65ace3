using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Spm.Domain.Compensation;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Outbox;

namespace Spm.Infrastructure.Live;

/// <summary>
/// Applies the outbox to the live projections and the push layer. Woken by NOTIFY on <c>spm_outbox</c> (payload: the
/// tenant id) on a dedicated connection, with a slow poll as safety net. Per tenant it reads rows after the stored
/// cursor in id order, in batches, inside a transaction holding the tenant's advisory lock, so one node at a time
/// applies a tenant and a node that dies releases the lock with its connection. Each batch goes to every
/// <see cref="IOutboxProjection"/>, then to the <see cref="ILiveNotifier"/>; the cursor moves in the same transaction,
/// only after both. A failure (Redis down) keeps the cursor and retries with exponential backoff: nothing is lost,
/// and projections are idempotent per event id, so a re-delivered batch counts once. Live earnings
/// (<see cref="LiveEarningsConsumer"/>) come last and never fail a batch: an error there drops that cache and is logged.
/// </summary>
public sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IEnumerable<IOutboxProjection> projections,
    ILiveNotifier notifier,
    LiveEarningsConsumer earnings,
    ParticipantNames names,
    DispatcherMetrics metrics,
    IOptions<OutboxDispatcherOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The tenant's dispatcher lock (transaction-scoped advisory lock); rebuilds take the same one.</summary>
    public const string LockSql = "SELECT pg_try_advisory_xact_lock(hashtextextended('spm_outbox:' || $1::text, 0))";

    /// <summary>The tenant's cursor (the last outbox position applied, 0 before the first) as a scalar subquery on $1.</summary>
    public const string CursorSql = "COALESCE((SELECT c.last_id FROM outbox_cursors c WHERE c.tenant_id = $1), 0)";

    /// <summary>Waits for the tenant's dispatcher lock.</summary>
    public const string WaitLockSql = "SELECT pg_advisory_xact_lock(hashtextextended('spm_outbox:' || $1::text, 0))";

    private readonly IReadOnlyList<IOutboxProjection> projections = [.. projections];
    private readonly OutboxDispatcherOptions settings = options.Value;
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, byte> queued = new();
    private readonly ConcurrentDictionary<Guid, int> failures = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> earningsWakes = new();

    /// <summary>Asks for <paramref name="tenantId"/> to be processed soon (idempotent while it waits in the queue).</summary>
    public void Wake(Guid tenantId)
    {
        if (queued.TryAdd(tenantId, 0))
        {
            queue.Writer.TryWrite(tenantId);
        }
    }

    /// <summary>Applies everything the tenant has pending on this node, now; false when another node holds it.</summary>
    public async Task<bool> DrainAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var outcome = await ProcessBatchAsync(tenantId, cancellationToken);
            if (outcome is BatchOutcome.Busy)
            {
                return false;
            }

            if (outcome is BatchOutcome.CaughtUp)
            {
                return true;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        var workers = Enumerable.Range(0, Math.Max(1, settings.Workers)).Select(_ => WorkAsync(stoppingToken)).ToList();
        await ListenAsync(stoppingToken);
        queue.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var tenantId))
                    {
                        Wake(tenantId);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxWriter.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                attempt = 0;
                // Rows committed while nobody listened (start-up, a lost connection) are found by a scan.
                await WakePendingAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(settings.PollInterval, stoppingToken))
                    {
                        await WakePendingAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                var delay = Backoff(++attempt);
                LogListenerLost(ex, delay);
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WakePendingAsync(CancellationToken cancellationToken)
    {
        // One index probe per tenant: is there a row after its cursor?
        await using var command = dataSource.CreateCommand(
            """
            SELECT t.id FROM tenants t
            WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.tenant_id = t.id
                          AND o.position > COALESCE((SELECT c.last_id FROM outbox_cursors c WHERE c.tenant_id = t.id), 0))
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Wake(reader.GetGuid(0));
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var tenantId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                // Removed before processing: a NOTIFY arriving meanwhile queues the tenant again.
                queued.TryRemove(tenantId, out _);
                await ProcessTenantAsync(tenantId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessTenantAsync(Guid tenantId, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                switch (await ProcessBatchAsync(tenantId, stoppingToken))
                {
                    case BatchOutcome.CaughtUp:
                        failures.TryRemove(tenantId, out _);
                        return;
                    case BatchOutcome.Busy:
                        // Another node has it: look again shortly, so a row committed while that node finished its
                        // last read is not left for the poll.
                        failures.TryRemove(tenantId, out _);
                        WakeLater(tenantId, settings.RecheckDelay, stoppingToken);
                        return;
                    default:
                        continue;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Anything else (Redis down, a projection bug): keep the cursor, retry later, never stop the service.
            var attempt = failures.AddOrUpdate(tenantId, 1, (_, n) => n + 1);
            var delay = Backoff(attempt);
            metrics.Failures.Add(1);
            LogBatchFailed(ex, tenantId, attempt, delay);
            WakeLater(tenantId, delay, stoppingToken);
        }
    }

    private async Task<BatchOutcome> ProcessBatchAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand(LockSql, connection, transaction) { Parameters = { new() { Value = tenantId } } })
        {
            if (!(bool)(await lockCommand.ExecuteScalarAsync(cancellationToken))!)
            {
                return BatchOutcome.Busy;
            }
        }

        // In position order: the visible rows are a prefix of the tenant's commit order (see OutboxCommitOrderSql), so
        // nothing committed later can land behind the cursor. The cursor (the last position applied) comes along so live
        // earnings can tell whether this batch continues where its cache stopped.
        await using var read = new NpgsqlCommand(
            $"""
            WITH cursor AS (SELECT {CursorSql} AS last_id)
            SELECT o.position, o.type, o.payload::text, o.created_at, cursor.last_id
            FROM outbox o, cursor
            WHERE o.tenant_id = $1 AND o.position > cursor.last_id
            ORDER BY o.position LIMIT $2
            """,
            connection,
            transaction)
        { Parameters = { new() { Value = tenantId }, new() { Value = settings.BatchSize } } };
        var batch = new List<OutboxEnvelope>();
        var rows = 0;
        long lastId = 0;
        long cursor = 0;
        var newest = DateTimeOffset.MinValue;
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                cursor = reader.GetInt64(4);
                lastId = reader.GetInt64(0);
                newest = reader.GetFieldValue<DateTimeOffset>(3);
                if (Decode(reader.GetString(1), reader.GetString(2)) is { } outboxEvent)
                {
                    batch.Add(new OutboxEnvelope(lastId, tenantId, outboxEvent));
                }
                else
                {
                    LogUnknownType(reader.GetString(1), lastId);
                }
            }
        }

        if (lastId == 0)
        {
            await FlushEarningsAsync(tenantId, connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return BatchOutcome.CaughtUp;
        }

        var changes = new List<BoardChange>();
        foreach (var projection in projections)
        {
            changes.AddRange(await projection.ApplyAsync(tenantId, batch, cancellationToken));
        }

        await NotifyAsync(tenantId, batch, changes, cancellationToken);
        await EarningsAsync(tenantId, cursor, lastId, batch, cancellationToken);
        await using (var advance = new NpgsqlCommand(
            "INSERT INTO outbox_cursors (tenant_id, last_id, updated_at) VALUES ($1, $2, now()) ON CONFLICT (tenant_id) DO UPDATE SET last_id = EXCLUDED.last_id, updated_at = EXCLUDED.updated_at",
            connection,
            transaction)
        { Parameters = { new() { Value = tenantId }, new() { Value = lastId } } })
        {
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        metrics.Events.Add(batch.Count);
        metrics.Lag.Record(Math.Max(0, (clock.GetUtcNow() - newest).TotalSeconds));
        metrics.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return rows < settings.BatchSize ? BatchOutcome.CaughtUp : BatchOutcome.More;
    }

    private async Task NotifyAsync(Guid tenantId, IReadOnlyList<OutboxEnvelope> batch, IReadOnlyList<BoardChange> changes, CancellationToken cancellationToken)
    {
        // Pushes are best effort: Redis already holds the truth, and a screen re-reads a full snapshot on reconnect.
        try
        {
            foreach (var change in changes)
            {
                await notifier.BoardChangedAsync(change, cancellationToken);
            }

            var sales = batch.Select(e => e.Event).OfType<SaleRecorded>().ToList();
            var owners = sales.Count == 0
                ? new Dictionary<Guid, string>()
                : await names.NamesAsync(tenantId, sales.Select(s => s.OwnerParticipantId), cancellationToken);

            // Sent concurrently (the Redis client pipelines them), not one round trip after another: each push is two or
            // three Redis publishes, a sale brings its celebration and several attainment totals (about six per sale in
            // the live bench), and at hundreds of sales a second sequential sends were the dispatcher's limit.
            // Celebrations go first: they are what a screen is waiting for.
            var pushes = new List<Task>();
            foreach (var sale in sales)
            {
                pushes.Add(notifier.SaleCelebratedAsync(
                    new SaleCelebration(
                        tenantId,
                        sale.EventId,
                        sale.OwnerParticipantId,
                        owners.GetValueOrDefault(sale.OwnerParticipantId, string.Empty),
                        sale.ReportingAmount,
                        sale.ReportingCurrency,
                        sale.Product,
                        sale.CloseDate,
                        sale.OccurredAt),
                    cancellationToken).AsTask());
            }

            foreach (var attainment in AttainmentChanged.LatestOfEach(batch.Select(e => e.Event).OfType<AttainmentChanged>()))
            {
                pushes.Add(notifier.AttainmentChangedAsync(attainment, cancellationToken).AsTask());
            }

            foreach (var dispute in batch.Select(e => e.Event).OfType<DisputeChanged>())
            {
                pushes.Add(notifier.DisputeChangedAsync(dispute, cancellationToken).AsTask());
            }

            await Task.WhenAll(pushes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotifyFailed(ex, tenantId);
        }
    }

    /// <summary>
    /// Live earnings after the projections and pushes, so a slow rebuild never delays a board. Best effort like the
    /// pushes: a failure forgets the tenant's cache (the next batch rebuilds it from PostgreSQL) and keeps the batch.
    /// </summary>
    private async Task EarningsAsync(Guid tenantId, long cursor, long lastId, IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken)
    {
        if (!settings.LiveEarnings)
        {
            return;
        }

        await PushEarningsAsync(tenantId, () => earnings.ApplyAsync(tenantId, cursor, lastId, batch, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Sends what live earnings return (concurrently, as NotifyAsync sends the batch's other pushes) and wakes the tenant
    /// again when held-back figures fall due; a failure drops the tenant's cache, never the batch.
    /// </summary>
    private async Task PushEarningsAsync(Guid tenantId, Func<Task<IReadOnlyList<EarningsChange>>> changesOf, CancellationToken cancellationToken)
    {
        try
        {
            var changes = await changesOf();
            await Task.WhenAll(changes.Select(change => notifier.EarningsChangedAsync(change, cancellationToken).AsTask()));
            WakeForHeldEarnings(tenantId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            earnings.Forget(tenantId);
            LogEarningsFailed(ex, tenantId);
        }
    }

    private static IOutboxEvent? Decode(string type, string payload) =>
        EventCatalog.Types.TryGetValue(type, out var recordType)
            ? JsonSerializer.Deserialize(payload, recordType, OutboxWriter.Json) as IOutboxEvent
            : null;

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(settings.MaxBackoff.TotalMilliseconds, settings.InitialBackoff.TotalMilliseconds * factor));
    }

    /// <summary>
    /// With no new rows, pushes the live earnings held back by pacing once they are due (under the tenant's lock, so
    /// the consumer's cache is checked against the cursor no other node is moving).
    /// </summary>
    private async Task FlushEarningsAsync(Guid tenantId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (!settings.LiveEarnings || earnings.NextDue(tenantId) is not { } due)
        {
            return;
        }

        if (due > clock.GetUtcNow())
        {
            WakeForHeldEarnings(tenantId, cancellationToken);
            return;
        }

        await PushEarningsAsync(
            tenantId,
            async () =>
            {
                await using var read = new NpgsqlCommand($"SELECT {CursorSql}", connection, transaction) { Parameters = { new() { Value = tenantId } } };
                return await earnings.FlushAsync(tenantId, (long)(await read.ExecuteScalarAsync(cancellationToken))!);
            },
            cancellationToken);
    }

    /// <summary>One timer per due time: every batch of a busy tenant would otherwise start another for the same moment.</summary>
    private void WakeForHeldEarnings(Guid tenantId, CancellationToken cancellationToken)
    {
        if (earnings.NextDue(tenantId) is { } due && (!earningsWakes.TryGetValue(tenantId, out var scheduled) || scheduled != due))
        {
            earningsWakes[tenantId] = due;
            WakeLater(tenantId, due - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
        }
    }

    private void WakeLater(Guid tenantId, TimeSpan delay, CancellationToken stoppingToken) =>
        _ = Task.Delay(delay, clock, stoppingToken).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    Wake(tenantId);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox listener lost its connection; reconnecting in {Delay}")]
    private partial void LogListenerLost(Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox batch of tenant {TenantId} failed (attempt {Attempt}); retrying in {Delay}, cursor kept")]
    private partial void LogBatchFailed(Exception exception, Guid tenantId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} has unknown type {Type}; skipped")]
    private partial void LogUnknownType(string type, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing live changes of tenant {TenantId} failed; Redis is current, clients catch up on their next snapshot")]
    private partial void LogNotifyFailed(Exception exception, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live earnings of tenant {TenantId} failed; its cache is dropped and rebuilt from PostgreSQL on the next batch")]
    private partial void LogEarningsFailed(Exception exception, Guid tenantId);

    private enum BatchOutcome
    {
        CaughtUp,
        More,
        Busy,
    }
}
