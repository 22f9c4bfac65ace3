namespace Spm.Domain.Common;

/// <summary>ISO 4217 currency codes and their minor units, the basis of every rounding rule.</summary>
public static class CurrencyCode
{
    // Currencies whose minor unit is not two decimals; everything else rounds to cents.
    private static readonly Dictionary<string, int> MinorUnitExceptions = new(StringComparer.Ordinal)
    {
        ["JPY"] = 0,
        ["KRW"] = 0,
        ["ISK"] = 0,
        ["CLP"] = 0,
        ["VND"] = 0,
        ["BHD"] = 3,
        ["KWD"] = 3,
        ["OMR"] = 3,
        ["JOD"] = 3,
        ["TND"] = 3,
    };

    /// <summary>True for three upper-case ASCII letters.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Returns the code when valid, otherwise throws naming <paramref name="field"/>.</summary>
    public static string Require(string? code, string field) =>
        IsValid(code)
            ? code!
            : throw new DomainException("INVALID_CURRENCY", $"'{code}' is not an ISO 4217 currency code (three upper-case letters).", field);

    /// <summary>Decimal places of the currency's minor unit (2 unless listed otherwise).</summary>
    public static int MinorUnits(string code) =>
        MinorUnitExceptions.TryGetValue(code, out var units) ? units : 2;
}
