using System.Diagnostics.Tracing;

namespace Spm.Bench.Compensation;

/// <summary>
/// Counts what the runtime's collections promoted (survived gen 0, survived gen 1) and why gen-1 collections started,
/// from the runtime's own GC events: what a phase's extra gen-1 collections come from.
/// </summary>
internal sealed class GcPromotions : EventListener
{
    private long promoted0;
    private long promoted1;
    private int pinned;
    private readonly Dictionary<int, int> gen1Reasons = [];
    private readonly Lock gate = new();

    public (long Promoted0, long Promoted1, int Pinned, string Reasons) Take()
    {
        lock (gate)
        {
            var result = (promoted0, promoted1, pinned, string.Join(" ", gen1Reasons.Select(r => $"reason {r.Key} x{r.Value}")));
            promoted0 = 0;
            promoted1 = 0;
            pinned = 0;
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
                pinned += Convert.ToInt32(Get("PinnedObjectCount"), System.Globalization.CultureInfo.InvariantCulture);
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
