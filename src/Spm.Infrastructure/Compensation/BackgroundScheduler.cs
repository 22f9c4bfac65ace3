using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Runs tasks (and the continuations of the async methods started on it) on threads of their own at a lower
/// operating-system priority: work that may wait, such as live earnings, then takes only the CPU that requests leave.
/// On a small machine the next <c>recordSales</c> runs while the dispatcher recalculates the previous sale's roll-up
/// managers; at the same priority the two share the cores, and the recording path's tail pays for it.
/// </summary>
/// <remarks>
/// The priority is the Linux nice value of each thread (raising it needs no privilege; Linux keeps it per thread). Elsewhere,
/// or where the call fails, the threads run at normal priority: only the scheduling differs, never the results.
/// Nothing run here may block on another task queued to the same scheduler.
/// </remarks>
public sealed class BackgroundScheduler : TaskScheduler, IDisposable
{
    // An await's continuation would otherwise run inline on the thread that completes the task, one of these: the
    // caller (the dispatcher, its pushes and its next batch) would go on at the lower priority.
    private const ConfigureAwaitOptions Back = ConfigureAwaitOptions.ForceYielding;

    private readonly BlockingCollection<Task> queue = [];
    private readonly Thread[] threads;
    private readonly int niceness;
    private int lowered;

    /// <summary>Starts <paramref name="threadCount"/> background threads named <paramref name="name"/> at nice <paramref name="niceness"/> (1 to 19).</summary>
    public BackgroundScheduler(string name, int threadCount, int niceness)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threadCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(niceness, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(niceness, 19);
        this.niceness = niceness;
        threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = name };
            threads[i].Start();
        }
    }

    /// <summary>How many of the threads run at the lower priority (0 where the platform does not allow it).</summary>
    public int Lowered => Volatile.Read(ref lowered);

    /// <inheritdoc/>
    public override int MaximumConcurrencyLevel => threads.Length;

    /// <summary>Runs <paramref name="work"/> here; its awaits resume here too. The caller resumes on the thread pool.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work) =>
        await Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap().ConfigureAwait(Back);

    /// <summary>Runs <paramref name="work"/> here. The caller resumes on the thread pool.</summary>
    public async Task<T> Run<T>(Func<T> work) =>
        await Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).ConfigureAwait(Back);

    /// <summary>Stops taking work; the threads end once the queue is empty.</summary>
    public void Dispose() => queue.CompleteAdding();

    /// <inheritdoc/>
    protected override void QueueTask(Task task) => queue.Add(task);

    /// <inheritdoc/>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Array.IndexOf(threads, Thread.CurrentThread) >= 0 && TryExecuteTask(task);

    /// <inheritdoc/>
    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Work()
    {
        // Linux applies setpriority(PRIO_PROCESS, 0) to the calling thread alone (the nice value is per thread there).
        if (OperatingSystem.IsLinux() && SetPriority(0, 0, niceness) == 0)
        {
            Interlocked.Increment(ref lowered);
        }

        foreach (var task in queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    // A plain DllImport: three ints need no marshalling, and LibraryImport would make the project allow unsafe code.
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);
}
