using Spm.GraphQL.AspNetCore.Execution;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class BoundedLruCacheTests
{
    [Fact]
    public void Evicts_the_least_recently_used_entry_at_capacity()
    {
        var cache = new BoundedLruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _)); // a is now the most recent
        cache.Set("c", 3);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out var c));
        Assert.Equal(3, c);
    }

    [Fact]
    public void Replacing_a_key_keeps_one_entry_and_zero_capacity_keeps_none()
    {
        var cache = new BoundedLruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("a", 2);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(2, value);

        var disabled = new BoundedLruCache<string, int>(0);
        disabled.Set("a", 1);
        Assert.False(disabled.TryGet("a", out _));
    }
}
