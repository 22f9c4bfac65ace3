using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Ingest;

/// <summary>A file row after parsing: a command for the ledger, or why the row cannot become one.</summary>
public readonly record struct ParsedRow(SaleCommand? Command, RowError? Error);
