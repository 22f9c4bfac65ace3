using GraphQL.DataLoader;

namespace Spm.Api.Features.Quotas;

/// <summary>A deferred loader result transformed once it arrives; the batch still dispatches with its siblings.</summary>
public sealed class MappedResult<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
{
    public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
