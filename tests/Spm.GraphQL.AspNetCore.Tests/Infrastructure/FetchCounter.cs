namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>Counts batch fetches of the test data loaders.</summary>
public sealed class FetchCounter
{
    private int _children;
    private int _grandChildren;

    public int ChildFetches => Volatile.Read(ref _children);

    public int GroupedFetches => Volatile.Read(ref _grandChildren);

    public List<int> LastKeys { get; } = [];

    public void CountChildren(IReadOnlyList<int> keys)
    {
        Interlocked.Increment(ref _children);
        lock (LastKeys)
        {
            LastKeys.Clear();
            LastKeys.AddRange(keys);
        }
    }

    public void CountGrouped() => Interlocked.Increment(ref _grandChildren);
}
