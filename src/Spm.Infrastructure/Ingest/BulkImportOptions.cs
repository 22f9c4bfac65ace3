namespace Spm.Infrastructure.Ingest;

/// <summary>Tuning of the bulk import (configuration section <c>Spm:Ingest</c>).</summary>
public sealed class BulkImportOptions
{
    /// <summary>Largest request body accepted, in bytes (default 4 GiB).</summary>
    public long MaxBodyBytes { get; set; } = 4L << 30;

    /// <summary>
    /// Sales per transaction in each lane: each batch commits on its own, so memory stays bounded whatever the file
    /// size (at most two batches queued and one being written per lane).
    /// </summary>
    public int BatchSize { get; set; } = 100_000;

    /// <summary>At most this many row errors are listed in the response; the count covers all of them.</summary>
    public int MaxReportedErrors { get; set; } = 1_000;
}
