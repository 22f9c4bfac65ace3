using Spm.Domain.Sales;

namespace Spm.Infrastructure.Sales;

/// <summary>The outcome of one batch: accepted rows, refused rows and what was written.</summary>
public sealed class SalesBatchResult
{
    public List<SaleResult> Results { get; } = [];

    public List<RowError> Errors { get; } = [];

    public int CreditsWritten { get; set; }

    public int OutboxRows { get; set; }

    /// <summary>Where the batch's time went, phase by phase.</summary>
    public PhaseTimings Timings { get; } = new();

    public int Count(SaleChangeOutcome outcome) => Results.Count(r => r.Outcome == outcome);
}
