using GraphQL.DataLoader;

namespace Spm.Api.Graph;

/// <summary>Wraps a task as a deferred GraphQL result (for loaders that need no batching).</summary>
public sealed class TaskResult<T>(Task<T> task) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => task;

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await task;
}
