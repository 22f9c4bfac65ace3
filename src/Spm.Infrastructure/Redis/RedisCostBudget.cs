using System.Globalization;
using Spm.GraphQL.AspNetCore.Budgets;
using StackExchange.Redis;

namespace Spm.Infrastructure.Redis;

/// <summary>
/// GraphQL cost budgets as token buckets in Redis, so a client's budget holds across every API
/// node. One Lua script refills, charges and stores atomically, using Redis's own clock so
/// nodes with skewed clocks still agree. While Redis is unreachable each node falls back to
/// its own in-memory bucket: clients stay limited, and the API keeps serving.
/// </summary>
public sealed class RedisCostBudget(IConnectionMultiplexer redis, string keyPrefix) : ICostBudget
{
    private readonly InMemoryCostBudget fallback = new(TimeProvider.System);

    // Returns {allowed, tokens after}. A negative cost is a refund, capped at capacity. The
    // bucket expires once it would be full again: an idle client costs no memory.
    private const string Script = """
        local capacity = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
        local tokens = tonumber(state[1]) or capacity
        local ts = tonumber(state[2]) or now
        tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
        local allowed = 0
        if cost <= tokens then
            tokens = math.min(capacity, tokens - cost)
            allowed = 1
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
        local ttl = 1000
        if rate > 0 then ttl = math.ceil((capacity - tokens) / rate * 1000) + 1000 end
        redis.call('PEXPIRE', KEYS[1], ttl)
        return {allowed, tostring(tokens)}
        """;

    public async ValueTask<CostDecision> TryConsumeAsync(string clientKey, double cost, BudgetPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(clientKey, cost, policy);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return await fallback.TryConsumeAsync(clientKey, cost, policy, cancellationToken);
        }
    }

    public async ValueTask<CostDecision> RefundAsync(string clientKey, double points, BudgetPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(clientKey, -points, policy);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return await fallback.RefundAsync(clientKey, points, policy, cancellationToken);
        }
    }

    private async ValueTask<CostDecision> RunAsync(string clientKey, double cost, BudgetPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            Script,
            [new RedisKey($"{keyPrefix}budget:{{{clientKey}}}")],
            [policy.Capacity, policy.RestoreRatePerSecond, cost]))!;
        var allowed = (long)result[0] == 1;
        var available = double.Parse((string)result[1]!, CultureInfo.InvariantCulture);
        var secondsToFull = policy.RestoreRatePerSecond > 0 ? (policy.Capacity - available) / policy.RestoreRatePerSecond : 0;
        return new CostDecision(allowed, available, policy.Capacity, policy.RestoreRatePerSecond, DateTimeOffset.UtcNow.AddSeconds(secondsToFull));
    }
}
