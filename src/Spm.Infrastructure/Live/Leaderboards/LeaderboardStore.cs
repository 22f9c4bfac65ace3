using System.Globalization;
using StackExchange.Redis;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// The leaderboards' Redis side: one Lua script applies a whole batch of events (every key each event touches, its
/// id recorded so a re-delivered event counts once, expiries of the windows), others read a board window with
/// dense ranks and keep the previous snapshot for movement arrows.
/// </summary>
public sealed class LeaderboardStore(IConnectionMultiplexer redis, LeaderboardKeys keys)
{
    // KEYS[1] built (epoch), KEYS[2] applied ids, KEYS[3..] board windows.
    // ARGV: events count, trim-below outbox id, then per event: event id, outbox id, op count, then per op:
    // key index, member, scaled value, '1' when absolute; then expiry count and (key index, unix seconds) pairs.
    // Returns the number of events applied now, or -1 when the epoch is missing (Redis lost the tenant: rebuild first).
    private const string ApplyScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        local n = tonumber(ARGV[1])
        local i = 3
        local applied = 0
        for e = 1, n do
          local fresh = redis.call('ZADD', KEYS[2], 'NX', ARGV[i + 1], ARGV[i]) == 1
          local ops = tonumber(ARGV[i + 2])
          i = i + 3
          if fresh then applied = applied + 1 end
          for o = 1, ops do
            if fresh then
              local k = KEYS[tonumber(ARGV[i])]
              if ARGV[i + 3] == '1' then redis.call('ZADD', k, ARGV[i + 2], ARGV[i + 1])
              else redis.call('ZINCRBY', k, ARGV[i + 2], ARGV[i + 1]) end
            end
            i = i + 4
          end
        end
        local x = tonumber(ARGV[i])
        i = i + 1
        for e = 1, x do
          redis.call('EXPIREAT', KEYS[tonumber(ARGV[i])], ARGV[i + 1])
          i = i + 2
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[2])
        return applied
        """;

    // KEYS[1] board window, KEYS[2] built. ARGV[1] built field, ARGV[2] member (or ''), ARGV[3] top / neighbours.
    // Returns {built (0/1), entrants, distinct scores above the first row, rows (member, score)...}.
    private const string ReadScript = """
        local built = redis.call('HEXISTS', KEYS[2], ARGV[1])
        local card = redis.call('ZCARD', KEYS[1])
        local from = 0
        local to = tonumber(ARGV[3]) - 1
        if ARGV[2] ~= '' then
          local p = redis.call('ZREVRANK', KEYS[1], ARGV[2])
          if not p then return {built, card, 0} end
          from = math.max(0, p - tonumber(ARGV[3]))
          to = p + tonumber(ARGV[3])
        end
        local rows = redis.call('ZREVRANGE', KEYS[1], from, to, 'WITHSCORES')
        local distinct = 0
        if from > 0 and #rows > 0 then
          local above = redis.call('ZREVRANGEBYSCORE', KEYS[1], '+inf', '(' .. rows[2], 'WITHSCORES')
          local last = nil
          for j = 2, #above, 2 do
            if above[j] ~= last then distinct = distinct + 1; last = above[j] end
          end
        end
        local result = {built, card, distinct}
        for j = 1, #rows do result[#result + 1] = rows[j] end
        return result
        """;

    // KEYS[1] snapshot, KEYS[2] previous snapshot. ARGV: expiry, then (member, rank) pairs of the current top.
    // When the ranks differ from the stored snapshot, it becomes the previous one. Returns previous ranks per member.
    private const string SnapshotScript = """
        local changed = redis.call('HLEN', KEYS[1]) ~= (#ARGV - 1) / 2
        if not changed then
          for j = 2, #ARGV, 2 do
            if redis.call('HGET', KEYS[1], ARGV[j]) ~= ARGV[j + 1] then changed = true; break end
          end
        end
        if changed then
          if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('RENAME', KEYS[1], KEYS[2]) end
          if #ARGV > 1 then
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('EXPIREAT', KEYS[1], ARGV[1])
          end
          if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('EXPIREAT', KEYS[2], ARGV[1]) end
        end
        local result = {}
        for j = 2, #ARGV, 2 do result[#result + 1] = redis.call('HGET', KEYS[2], ARGV[j]) or '' end
        return result
        """;

    public LeaderboardKeys Keys => keys;

    /// <summary>Applies a batch in one round trip; -1 when the tenant's epoch is missing (nothing was written).</summary>
    public async Task<long> ApplyAsync(Guid tenantId, IReadOnlyList<(Guid EventId, long OutboxId, IReadOnlyList<LeaderboardOperation> Operations)> events, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(events);
        var keyIndex = new Dictionary<(Guid, int, DateOnly), int>();
        var redisKeys = new List<RedisKey> { keys.Built(tenantId), keys.Applied(tenantId) };
        var expiries = new Dictionary<int, long>();
        var args = new List<RedisValue> { events.Count, events.Count == 0 ? 0 : events.Min(e => e.OutboxId) };
        foreach (var (eventId, outboxId, operations) in events)
        {
            args.Add(eventId.ToString("N"));
            args.Add(outboxId);
            args.Add(operations.Count);
            foreach (var op in operations)
            {
                if (!keyIndex.TryGetValue((op.Board.Id, op.Board.Version, op.Window.Start), out var index))
                {
                    redisKeys.Add(keys.Board(tenantId, op.Board, op.Window.Start));
                    index = redisKeys.Count;
                    keyIndex[(op.Board.Id, op.Board.Version, op.Window.Start)] = index;
                    expiries[index] = LeaderboardScores.ExpiresAt(op.Window, zone).ToUnixTimeSeconds();
                }

                args.Add(index);
                args.Add(op.Subject.ToString("N"));
                args.Add(LeaderboardScores.ToRedis(op.Value));
                args.Add(op.Absolute ? "1" : "0");
            }
        }

        args.Add(expiries.Count);
        foreach (var (index, at) in expiries)
        {
            args.Add(index);
            args.Add(at);
        }

        return (long)await redis.GetDatabase().ScriptEvaluateAsync(ApplyScript, [.. redisKeys], [.. args]);
    }

    /// <summary>
    /// The board window's rows with dense ranks: the top <paramref name="count"/>, or <paramref name="count"/>
    /// neighbours either side of <paramref name="around"/>. Built is false when the board version was never built.
    /// </summary>
    public async Task<(bool Built, int Entrants, IReadOnlyList<(Guid Subject, int Rank, decimal Score)> Rows)> ReadAsync(Guid tenantId, LeaderboardDefinition board, WindowRange window, Guid? around, int count)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            ReadScript,
            [keys.Board(tenantId, board, window.Start), keys.Built(tenantId)],
            [LeaderboardKeys.BuiltField(board), around?.ToString("N") ?? string.Empty, count]))!;
        var rows = new List<(Guid, int, decimal)>();
        var rank = (int)(long)result[2];
        double? previous = null;
        for (var j = 3; j + 1 < result.Length; j += 2)
        {
            var score = double.Parse((string)result[j + 1]!, CultureInfo.InvariantCulture);
            if (previous != score)
            {
                rank++;
                previous = score;
            }

            rows.Add((Guid.ParseExact((string)result[j]!, "N"), rank, LeaderboardScores.FromRedis(score)));
        }

        return ((long)result[0] == 1, (int)(long)result[1], rows);
    }

    /// <summary>Records the current top ranks as the board window's snapshot (when they moved) and returns each subject's previous rank.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> SnapshotAsync(Guid tenantId, LeaderboardDefinition board, WindowRange window, IReadOnlyList<(Guid Subject, int Rank)> ranks, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        var key = keys.Board(tenantId, board, window.Start);
        var args = new List<RedisValue> { LeaderboardScores.ExpiresAt(window, zone).ToUnixTimeSeconds() };
        foreach (var (subject, rank) in ranks)
        {
            args.Add(subject.ToString("N"));
            args.Add(rank);
        }

        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(SnapshotScript, [LeaderboardKeys.Snapshot(key), LeaderboardKeys.PreviousSnapshot(key)], [.. args]))!;
        var previous = new Dictionary<Guid, int>();
        for (var j = 0; j < result.Length; j++)
        {
            if (int.TryParse((string?)result[j], NumberStyles.None, CultureInfo.InvariantCulture, out var rank))
            {
                previous[ranks[j].Subject] = rank;
            }
        }

        return previous;
    }

    /// <summary>
    /// Replaces the given board windows with <paramref name="content"/>, forgets applied ids after
    /// <paramref name="cursor"/> (those events will be applied again on top), and writes the epoch, atomically.
    /// </summary>
    public async Task WriteRebuildAsync(Guid tenantId, IReadOnlyList<LeaderboardDefinition> boards, IReadOnlyList<(LeaderboardDefinition Board, WindowRange Window, IReadOnlyDictionary<Guid, decimal> Scores)> content, long cursor, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(content);
        var transaction = redis.GetDatabase().CreateTransaction();
        var pending = new List<Task>();
        foreach (var (board, window, scores) in content)
        {
            var key = keys.Board(tenantId, board, window.Start);
            pending.Add(transaction.KeyDeleteAsync(key));
            if (scores.Count > 0)
            {
                pending.Add(transaction.SortedSetAddAsync(key, [.. scores.Select(s => new SortedSetEntry(s.Key.ToString("N"), LeaderboardScores.ToRedis(s.Value)))]));
                pending.Add(transaction.KeyExpireAsync(key, LeaderboardScores.ExpiresAt(window, zone).UtcDateTime));
            }
        }

        var built = keys.Built(tenantId);
        pending.Add(transaction.SortedSetRemoveRangeByScoreAsync(keys.Applied(tenantId), cursor, double.PositiveInfinity, Exclude.Start));
        pending.Add(transaction.KeyDeleteAsync(built));
        // An empty hash does not exist, so a tenant without boards still gets a field: its epoch.
        pending.Add(transaction.HashSetAsync(built, [new HashEntry("epoch", DateTimeOffset.UtcNow.ToUnixTimeSeconds()), .. boards.Select(b => new HashEntry(LeaderboardKeys.BuiltField(b), 1))]));
        if (!await transaction.ExecuteAsync())
        {
            throw new InvalidOperationException("The leaderboard rebuild transaction was not applied.");
        }

        await Task.WhenAll(pending);
    }
}
