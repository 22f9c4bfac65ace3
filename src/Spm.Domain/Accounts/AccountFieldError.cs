namespace Spm.Domain.Accounts;

/// <summary>One broken rule of an account row: the field (camelCase), a stable code and a message.</summary>
public sealed record AccountFieldError(string Field, string Code, string Message);
