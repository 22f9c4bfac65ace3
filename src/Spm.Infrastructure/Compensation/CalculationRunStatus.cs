namespace Spm.Infrastructure.Compensation;

/// <summary>The life of a calculation run; only a completed run has results, and they never change.</summary>
public enum CalculationRunStatus
{
    /// <summary>Accepted, waiting for a worker.</summary>
    Queued,

    /// <summary>A worker is computing it; progress moves.</summary>
    Running,

    /// <summary>Results written, immutable.</summary>
    Completed,

    /// <summary>Stopped with an error; no results were kept.</summary>
    Failed,
}
