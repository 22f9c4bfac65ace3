namespace Spm.Api.Features.Accounts;

/// <summary>One problem with one input row: its number (batch index, or CSV row counting the header as row 1), the field or column, a code and a message.</summary>
public sealed record AccountRowError(int Row, string Field, string Code, string Message);
