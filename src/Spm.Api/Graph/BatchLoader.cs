using GraphQL.DataLoader;

namespace Spm.Api.Graph;

/// <summary>
/// Per-request batch loader: keys requested while GraphQL resolves one level are fetched in a
/// single call when the first result is awaited. Safe with parallel resolvers; each key is
/// fetched at most once per request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch = fetch;
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Batch> batchOf = [];
    private Batch? open;

    /// <summary>Number of fetch calls made; tests use it to prove there is no N+1.</summary>
    public int FetchCount { get; private set; }

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        Batch batch;
        lock (gate)
        {
            if (!batchOf.TryGetValue(key, out batch!))
            {
                if (open is null || open.Started)
                {
                    open = new Batch(this);
                }

                batch = open;
                batch.Keys.Add(key);
                batchOf[key] = batch;
            }
        }

        return new Result(batch, key);
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? task;

        public List<TKey> Keys { get; } = [];

        public bool Started => task is not null;

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken)
        {
            lock (owner.gate)
            {
                if (task is null)
                {
                    owner.FetchCount++;
                    task = owner.fetch(Keys.ToArray(), cancellationToken);
                }

                return task;
            }
        }
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.RunAsync(cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
