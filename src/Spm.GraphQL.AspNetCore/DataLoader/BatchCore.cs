using GraphQL.DataLoader;

namespace Spm.GraphQL.AspNetCore.DataLoader;

/// <summary>
/// Queues keys until the first result is awaited, then fetches all queued keys in one call.
/// GraphQL.NET awaits <see cref="IDataLoaderResult"/>s only after every resolver of a level has
/// run, so siblings (even resolved in parallel) share one batch.
/// </summary>
internal sealed class BatchCore<TKey, TResult>(Func<IReadOnlyList<TKey>, CancellationToken, Task<Func<TKey, TResult>>> fetch)
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<Func<TKey, TResult>>> _fetch = fetch;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOfKey = [];
    private Batch? _pending;

    public IDataLoaderResult<TResult> Load(TKey key)
    {
        lock (_gate)
        {
            // Keys already requested in this request reuse their batch: a per-request cache.
            if (!_batchOfKey.TryGetValue(key, out var batch))
            {
                batch = _pending ??= new Batch(this);
                batch.Keys.Add(key);
                _batchOfKey[key] = batch;
            }

            return new Result(batch, key);
        }
    }

    private sealed class Batch(BatchCore<TKey, TResult> owner)
    {
        private Task<Func<TKey, TResult>>? _fetch;

        public List<TKey> Keys { get; } = [];

        public Task<Func<TKey, TResult>> RunAsync(CancellationToken cancellationToken)
        {
            lock (owner._gate)
            {
                if (_fetch is null)
                {
                    // Seal: keys loaded from now on start a new batch.
                    if (ReferenceEquals(owner._pending, this))
                    {
                        owner._pending = null;
                    }

                    _fetch = owner._fetch(Keys.ToArray(), cancellationToken);
                }

                return _fetch;
            }
        }
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
            => (await batch.RunAsync(cancellationToken))(key);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken);
    }
}
