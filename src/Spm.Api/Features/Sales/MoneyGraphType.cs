using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Common;

namespace Spm.Api.Features.Sales;

/// <summary>GraphQL shape of <see cref="MoneyValue"/>.</summary>
public sealed class MoneyGraphType : ObjectGraphType<MoneyValue>
{
    public MoneyGraphType()
    {
        Name = "Money";
        Description = "An amount of money in an explicit currency.";
        // Stored with four decimals; ledger amounts are whole minor units, so this only trims the extra zeros.
        Field<NonNullGraphType<DecimalStringGraphType>>("amount").Description("The amount, exact, with the currency's minor-unit decimals (`\"300.00\"` EUR, `\"300\"` JPY).")
            .Resolve(c => CurrencyCode.IsValid(c.Source.Currency) ? Math.Round(c.Source.Amount, CurrencyCode.MinorUnits(c.Source.Currency), MidpointRounding.AwayFromZero) : c.Source.Amount);
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 currency code.").Resolve(c => c.Source.Currency);
    }
}
