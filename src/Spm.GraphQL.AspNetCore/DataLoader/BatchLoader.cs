using GraphQL.DataLoader;

namespace Spm.GraphQL.AspNetCore.DataLoader;

/// <summary>One value per key (e.g. an entity by id), fetched in batches.</summary>
public sealed class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly BatchCore<TKey, TValue?> _core;

    /// <summary>Creates a loader over <paramref name="fetch"/>, which gets the distinct keys of one batch.</summary>
    public BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _core = new(async (keys, cancellationToken) =>
        {
            var values = await fetch(keys, cancellationToken);
            return key => values.TryGetValue(key, out var value) ? value : default;
        });
    }

    /// <summary>Queues <paramref name="key"/>; the value is default when the fetch did not return it.</summary>
    public IDataLoaderResult<TValue?> LoadAsync(TKey key) => _core.Load(key);
}
