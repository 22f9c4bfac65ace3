namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>A hot observable the tests push into; it records subscriptions and disposals.</summary>
public sealed class EventSource : IObservable<string>
{
    private readonly Lock _gate = new();
    private readonly List<IObserver<string>> _observers = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _observers.Count;
            }
        }
    }

    public int Unsubscribed { get; private set; }

    public IDisposable Subscribe(IObserver<string> observer)
    {
        lock (_gate)
        {
            _observers.Add(observer);
        }

        return new Subscription(this, observer);
    }

    public void Push(string value)
    {
        foreach (var observer in Snapshot())
        {
            observer.OnNext(value);
        }
    }

    public void Complete()
    {
        foreach (var observer in Snapshot())
        {
            observer.OnCompleted();
        }
    }

    private IObserver<string>[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _observers];
        }
    }

    private sealed class Subscription(EventSource source, IObserver<string> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (source._gate)
            {
                if (source._observers.Remove(observer))
                {
                    source.Unsubscribed++;
                }
            }
        }
    }
}
