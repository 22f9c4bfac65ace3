using Spm.Domain.Common;

namespace Spm.Domain.Currency;

/// <summary>
/// Rounding of money to a currency's minor units. Half away from zero ("commercial" rounding: 0.125 -> 0.13,
/// -0.125 -> -0.13), because it is what finance teams and the EU euro-conversion rules use when they check a
/// figure by hand; banker's rounding would surprise a rep checking a statement. Every conversion rounds once,
/// from the exact product, never from an already rounded intermediate.
/// </summary>
public static class Money
{
    /// <summary>The smallest amount of <paramref name="currency"/>: 0.01 for USD, 1 for JPY, 0.001 for KWD.</summary>
    public static decimal UnitOf(string currency) => CurrencyCode.MinorUnits(currency) switch
    {
        0 => 1m,
        2 => 0.01m,
        3 => 0.001m,
        var digits => 1m / Pow10(digits),
    };

    /// <summary>Rounds half away from zero to the minor units of <paramref name="currency"/>.</summary>
    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, CurrencyCode.MinorUnits(currency), MidpointRounding.AwayFromZero);

    /// <summary>True when <paramref name="amount"/> has no digits below the currency's minor unit.</summary>
    public static bool IsWholeMinorUnits(decimal amount, string currency) =>
        Math.Round(amount, CurrencyCode.MinorUnits(currency)) == amount;

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
