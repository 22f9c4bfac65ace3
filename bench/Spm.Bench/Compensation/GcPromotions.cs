using System.Diagnostics.Tracing;

namespace Spm.Bench.Compensation;

/// <summary>
/// Counts what the runtime's collections promoted (survived gen 0, survived gen 1), why gen-1 collections started and
/// how long threads took to stop for them, from the runtime's own GC events: where a phase's extra pauses come from.
/// </summary>
internal sealed class GcPromotions : EventListener
{
    private long promoted0;
    private long promoted1;
    private DateTime suspendStarted;
    private readonly Dictionary<int, long> markedBy = [];
    private TimeSpan suspending;
    private readonly Dictionary<int, int> gen1Reasons = [];
    private readonly Lock gate = new();

    /// <summary>What was counted since the last call, as a line for the bench's output; starts counting afresh.</summary>
    public string Take()
    {
        lock (gate)
        {
            var result = $"{promoted0 / 1_048_576.0:N1} MB out of gen 0, {promoted1 / 1_048_576.0:N1} MB out of gen 1 (gen-1 starts: {(gen1Reasons.Count == 0 ? "none" : string.Join(", ", gen1Reasons.Select(r => $"{r.Value} for reason {r.Key}")))}); threads suspended for collections in {suspending.TotalMilliseconds:N1} ms";
            promoted0 = 0;
            suspending = TimeSpan.Zero;
            result += $"; marked by root kind (0 stacks, 1 finalizer queue, 2 handles, 3 older generations through the card table): {string.Join(", ", markedBy.OrderBy(m => m.Key).Select(m => $"{m.Key}: {m.Value / 1_048_576.0:N1} MB"))}";
            markedBy.Clear();
            promoted1 = 0;
            gen1Reasons.Clear();
            return result;
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        object? Get(string name) => names.IndexOf(name) is var i and >= 0 ? payload[i] : null;
        lock (gate)
        {
            if (eventData.EventName?.StartsWith("GCHeapStats", StringComparison.Ordinal) == true)
            {
                promoted0 += Convert.ToInt64(Get("TotalPromotedSize0"), System.Globalization.CultureInfo.InvariantCulture);
                promoted1 += Convert.ToInt64(Get("TotalPromotedSize1"), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (eventData.EventName?.StartsWith("GCMarkWithType", StringComparison.Ordinal) == true)
            {
                var kind = Convert.ToInt32(Get("Type"), System.Globalization.CultureInfo.InvariantCulture);
                markedBy[kind] = markedBy.GetValueOrDefault(kind) + Convert.ToInt64(Get("Bytes"), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (eventData.EventName?.StartsWith("GCSuspendEEBegin", StringComparison.Ordinal) == true)
            {
                suspendStarted = eventData.TimeStamp;
            }
            else if (eventData.EventName?.StartsWith("GCSuspendEEEnd", StringComparison.Ordinal) == true && suspendStarted != default)
            {
                // How long the runtime waited for every managed thread to stop (a thread the OS is not running,
                // such as one at a lower priority on a busy machine, makes everyone wait).
                suspending += eventData.TimeStamp - suspendStarted;
                suspendStarted = default;
            }
            else if (eventData.EventName?.StartsWith("GCStart", StringComparison.Ordinal) == true
                && Convert.ToInt32(Get("Depth"), System.Globalization.CultureInfo.InvariantCulture) == 1)
            {
                var reason = Convert.ToInt32(Get("Reason"), System.Globalization.CultureInfo.InvariantCulture);
                gen1Reasons[reason] = gen1Reasons.GetValueOrDefault(reason) + 1;
            }
        }
    }
}
