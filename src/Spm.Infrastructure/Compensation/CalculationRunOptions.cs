namespace Spm.Infrastructure.Compensation;

/// <summary>How nodes share calculation runs (configuration <c>Spm:Compensation:Runs</c>).</summary>
public sealed class CalculationRunOptions
{
    /// <summary>How long a claim holds a run without renewal; the holder renews at a third of it. A dead node's run waits this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Safety-net poll for runs nobody holds (queued on a node that died, or whose lease ran out).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Claims after which a run that still has not finished ends FAILED.</summary>
    public int MaxAttempts { get; set; } = 3;
}
