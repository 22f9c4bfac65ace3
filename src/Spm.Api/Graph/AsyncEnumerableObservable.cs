namespace Spm.Api.Graph;

/// <summary>
/// A subscription source stream from an async iterator (GraphQL.NET 8 consumes IObservable and
/// keeps its own adapter internal). Each subscriber runs its own iteration; disposing the
/// subscription cancels it, which is how a client's `complete` or a closed socket stops the work.
/// </summary>
public sealed class AsyncEnumerableObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> source) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscription = new Subscription();
        _ = RunAsync(observer, subscription.Token);
        return subscription;
    }

    private async Task RunAsync(IObserver<T> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source(cancellationToken).WithCancellation(cancellationToken))
            {
                observer.OnNext(item);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unsubscribed: nobody is listening any more.
        }
#pragma warning disable CA1031 // The observer is the one place a stream's failure can be reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            observer.OnError(ex);
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new();

        public CancellationToken Token => _cancel.Token;

        public void Dispose()
        {
            _cancel.Cancel();
            _cancel.Dispose();
        }
    }
}
