using GraphQL.DataLoader;

namespace Spm.GraphQL.AspNetCore.DataLoader;

/// <summary>Many values per key (e.g. children by parent id), fetched in batches.</summary>
public sealed class GroupedBatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly BatchCore<TKey, IEnumerable<TValue>> _core;

    /// <summary>Creates a loader over <paramref name="fetch"/>, which gets the distinct keys of one batch.</summary>
    public GroupedBatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _core = new(async (keys, cancellationToken) =>
        {
            var lookup = await fetch(keys, cancellationToken);
            return key => lookup[key];
        });
    }

    /// <summary>Queues <paramref name="key"/>; the values are empty when the fetch returned none.</summary>
    public IDataLoaderResult<IEnumerable<TValue>> LoadAsync(TKey key) => _core.Load(key);
}
