namespace Spm.Api.Features.Sales;

/// <summary>An amount with its currency, as the `Money` type shows it.</summary>
public sealed record MoneyValue(decimal Amount, string Currency);
