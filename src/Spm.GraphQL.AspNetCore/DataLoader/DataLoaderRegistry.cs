using System.Collections.Concurrent;

namespace Spm.GraphQL.AspNetCore.DataLoader;

/// <summary>
/// The loaders of one request (a DI scope: the HTTP request, or one WebSocket operation).
/// Resolvers get a loader by name, so every resolver of the request shares its batches.
/// </summary>
public sealed class DataLoaderRegistry
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    /// <summary>The one-value-per-key loader named <paramref name="name"/>, created on first use.</summary>
    public BatchLoader<TKey, TValue> GetOrAddBatchLoader<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
        => Get<BatchLoader<TKey, TValue>>(name, () => new BatchLoader<TKey, TValue>(fetch));

    /// <summary>The many-values-per-key loader named <paramref name="name"/>, created on first use.</summary>
    public GroupedBatchLoader<TKey, TValue> GetOrAddGroupedBatchLoader<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        where TKey : notnull
        => Get<GroupedBatchLoader<TKey, TValue>>(name, () => new GroupedBatchLoader<TKey, TValue>(fetch));

    private T Get<T>(string name, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(name);
        var loader = _loaders.GetOrAdd(name, _ => create());
        return loader as T
            ?? throw new InvalidOperationException($"The data loader '{name}' is a {loader.GetType().Name}, not a {typeof(T).Name}.");
    }
}
