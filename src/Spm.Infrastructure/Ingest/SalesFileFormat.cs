namespace Spm.Infrastructure.Ingest;

/// <summary>The file formats the bulk import reads.</summary>
public enum SalesFileFormat
{
    /// <summary><c>application/x-ndjson</c>: one JSON object per line.</summary>
    Ndjson,

    /// <summary><c>text/csv</c>: a header row, then one sale per record.</summary>
    Csv,
}
