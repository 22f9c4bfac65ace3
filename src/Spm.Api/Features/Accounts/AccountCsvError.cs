namespace Spm.Api.Features.Accounts;

/// <summary>One problem of one CSV row: the row number (header = 1), the column (empty for the whole row), a code and a message.</summary>
public sealed record AccountCsvError(int Row, string Column, string Code, string Message);
