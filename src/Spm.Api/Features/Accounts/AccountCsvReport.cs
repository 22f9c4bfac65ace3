namespace Spm.Api.Features.Accounts;

/// <summary>The JSON report of a CSV import.</summary>
/// <param name="Rows">Data rows read (the header and blank lines not counted).</param>
/// <param name="Created">Accounts created.</param>
/// <param name="Updated">Accounts whose values changed.</param>
/// <param name="Unchanged">Rows equal to the stored account: nothing written.</param>
/// <param name="Rejected">Rows refused; see <paramref name="Errors"/>.</param>
/// <param name="Errors">Per-row problems: row number (the header is row 1), column, code, message.</param>
/// <param name="ErrorsTruncated">True when more errors occurred than are listed.</param>
public sealed record AccountCsvReport(int Rows, int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<AccountCsvError> Errors, bool ErrorsTruncated);
