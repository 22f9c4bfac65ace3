using System.Text.Json.Serialization;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Ingest;

/// <summary>
/// What a bulk import did. Good rows landed (committed batch by batch); every refused row is listed with its
/// row number, field and reason (up to <see cref="BulkImportOptions.MaxReportedErrors"/>; <see cref="Rejected"/>
/// counts them all), and can be fixed and resent: a resent good row is a replay and changes nothing.
/// </summary>
public sealed record ImportReport(
    string ImportId,
    long Rows,
    long Recorded,
    long Amended,
    long Cancelled,
    long Replayed,
    long Rejected,
    long CreditsWritten,
    long OutboxRows,
    int Batches,
    double Seconds,
    IReadOnlyList<RowError> Errors,
    bool ErrorsTruncated)
{
    /// <summary>Where the time went (summed over batches), for the bench; not part of the HTTP answer.</summary>
    [JsonIgnore]
    public PhaseTimings Timings { get; init; } = new();
}
