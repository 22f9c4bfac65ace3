namespace Spm.Infrastructure.Live;

/// <summary>The Lua scripts of the contest store; atomic per call, so a crash never leaves an event half applied.</summary>
internal static class ContestScripts
{
    /// <summary>
    /// KEYS: scores, finishers, finish times, applied. ARGV: event id, goal ('' for none), event instant (Unix ms),
    /// '1' when values replace scores (attainment percent) else '0', expiry (Unix s), then participant/value pairs.
    /// Returns 0 when the event was applied before (nothing changes), else 1. A race finisher is recorded in the same
    /// script as the score that made it cross the goal, so the finishing order can never disagree with the scores.
    /// </summary>

    public const string ApplySource = """
        if redis.call('SADD', KEYS[4], ARGV[1]) == 0 then return 0 end
        local goal = tonumber(ARGV[2])
        for i = 6, #ARGV, 2 do
          local score
          if ARGV[4] == '1' then
            redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
            score = tonumber(ARGV[i + 1])
          else
            score = tonumber(redis.call('ZINCRBY', KEYS[1], ARGV[i + 1], ARGV[i]))
          end
          if goal and score >= goal and not redis.call('ZSCORE', KEYS[2], ARGV[i]) then
            redis.call('ZADD', KEYS[2], redis.call('ZCARD', KEYS[2]) + 1, ARGV[i])
            redis.call('HSET', KEYS[3], ARGV[i], ARGV[3])
          end
        end
        for k = 1, 4 do redis.call('EXPIREAT', KEYS[k], ARGV[5]) end
        return 1
        """;

    /// <summary>
    /// Replaces the scores with a recomputation (KEYS: scores, finishers, finish times; ARGV: goal or '', now in Unix ms,
    /// expiry, then participant/score/crossed-at (Unix ms, 0 unknown) triples in crossing order). Recorded finishers keep
    /// their place; contestants who reached the goal without one are appended in the order given, at their crossing time
    /// (now when unknown).
    /// </summary>
    public const string RebuildSource = """
        redis.call('DEL', KEYS[1])
        local goal = tonumber(ARGV[1])
        for i = 4, #ARGV, 3 do
          local score = tonumber(ARGV[i + 1])
          local crossed = tonumber(ARGV[i + 2])
          if score ~= 0 then redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i]) end
          if goal and (score >= goal or crossed > 0) and not redis.call('ZSCORE', KEYS[2], ARGV[i]) then
            redis.call('ZADD', KEYS[2], redis.call('ZCARD', KEYS[2]) + 1, ARGV[i])
            redis.call('HSET', KEYS[3], ARGV[i], crossed > 0 and ARGV[i + 2] or ARGV[2])
          end
        end
        for k = 1, 3 do redis.call('EXPIREAT', KEYS[k], ARGV[3]) end
        return 1
        """;
}
