using System.Diagnostics;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// Wall time per phase of a batch (classify, credit, each COPY, commit...), summed over batches: the bulk bench
/// prints it so a change to the import is judged by where the time actually goes, not by guesses.
/// </summary>
public sealed class PhaseTimings
{
    private readonly Dictionary<string, TimeSpan> phases = [];
    private long started = Stopwatch.GetTimestamp();

    public IReadOnlyDictionary<string, TimeSpan> Phases => phases;

    /// <summary>Charges the time since the previous mark (or creation) to <paramref name="phase"/>.</summary>
    public void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        Add(phase, Stopwatch.GetElapsedTime(started, now));
        started = now;
    }

    /// <summary>Restarts the clock without charging anything (time spent elsewhere).</summary>
    public void Restart() => started = Stopwatch.GetTimestamp();

    public void Add(string phase, TimeSpan elapsed) => phases[phase] = phases.GetValueOrDefault(phase) + elapsed;

    public void Add(PhaseTimings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (phase, elapsed) in other.phases)
        {
            Add(phase, elapsed);
        }
    }
}
