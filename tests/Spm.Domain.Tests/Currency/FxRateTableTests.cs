using Spm.Domain.Common;
using Spm.Domain.Currency;

namespace Spm.Domain.Tests.Currency;

public sealed class FxRateTableTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    [Fact]
    public void The_latest_quote_on_or_before_the_date_applies()
    {
        var table = Table(Rate("EUR", "USD", 1.10m, 2025, 1, 1), Rate("EUR", "USD", 1.20m, 2025, 2, 1));

        Assert.Equal(1.10m, table.RateAt("EUR", "USD", new DateOnly(2025, 1, 31)));
        Assert.Equal(1.20m, table.RateAt("EUR", "USD", new DateOnly(2025, 2, 1)));
        Assert.Equal(1.20m, table.RateAt("EUR", "USD", new DateOnly(2030, 1, 1)));
        Assert.Equal(1m, table.RateAt("EUR", "EUR", new DateOnly(2000, 1, 1)));
    }

    [Fact]
    public void A_date_before_the_first_quote_is_a_missing_rate_naming_pair_and_date()
    {
        var table = Table(Rate("EUR", "USD", 1.10m, 2025, 1, 1));

        var ex = Assert.Throws<DomainException>(() => table.Convert(10m, "EUR", "USD", new DateOnly(2024, 12, 31)));

        Assert.Equal(("FX_RATE_MISSING", "currency"), (ex.Code, ex.Field));
        Assert.Contains("EUR to USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2024-12-31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inverse_of_a_quote_converts_the_other_way()
    {
        // USD -> EUR from the EUR/USD 1.20 quote: 100.00 / 1.20 = 83.3333... -> 83.33.
        var table = Table(Rate("EUR", "USD", 1.20m, 2025, 2, 1));

        Assert.Equal(83.33m, table.Convert(100.00m, "USD", "EUR", new DateOnly(2025, 2, 10)));
    }

    [Fact]
    public void A_fresher_inverse_quote_beats_a_stale_direct_one()
    {
        // EUR->USD quoted 1.20 on 1 Feb; USD->EUR quoted 0.80 on 1 Mar. On 2 Mar the inverse is fresher:
        // EUR->USD = 1 / 0.80 = 1.25. On 15 Feb only the direct quote exists: 1.20.
        var table = Table(Rate("EUR", "USD", 1.20m, 2025, 2, 1), Rate("USD", "EUR", 0.80m, 2025, 3, 1));

        Assert.Equal(1.25m, table.RateAt("EUR", "USD", new DateOnly(2025, 3, 2)));
        Assert.Equal(1.20m, table.RateAt("EUR", "USD", new DateOnly(2025, 2, 15)));
        Assert.Equal(0.80m, table.RateAt("USD", "EUR", new DateOnly(2025, 3, 2)));
    }

    [Fact]
    public void Cross_rates_go_through_the_reporting_currency_and_round_half_away_from_zero()
    {
        // EUR->USD 1.10, USD->JPY 150: EUR->JPY = 165. 10.10 EUR x 165 = 1666.5 JPY -> 1667 (JPY has no minor unit;
        // half away from zero; banker's rounding would give 1666).
        // GBP is quoted USD->GBP 0.80, so EUR->GBP = 1.10 x 0.80 = 0.88: 100.00 EUR -> 88.00 GBP.
        var table = Table(Rate("EUR", "USD", 1.10m, 2025, 1, 1), Rate("USD", "JPY", 150m, 2025, 1, 1), Rate("USD", "GBP", 0.80m, 2025, 1, 1));
        var day = new DateOnly(2025, 6, 1);

        Assert.Equal(165m, table.RateAt("EUR", "JPY", day));
        Assert.Equal(1667m, table.Convert(10.10m, "EUR", "JPY", day));
        Assert.Equal(88.00m, table.Convert(100.00m, "EUR", "GBP", day));
        // JPY->GBP: (1 / 150) x 0.80 = 0.00533...; 10000 JPY -> 53.333... -> 53.33 GBP.
        Assert.Equal(53.33m, table.Convert(10000m, "JPY", "GBP", day));
    }

    [Fact]
    public void Rounding_is_half_away_from_zero_to_the_target_minor_units()
    {
        // 1.25 x 0.1 = 0.125 -> 0.13 (banker's: 0.12); -1.25 -> -0.13.
        // KWD has three decimals: 1.00 x 0.30655 = 0.30655 -> 0.307 (banker's: 0.306).
        var table = Table(Rate("USD", "XAU", 0.1m, 2025, 1, 1), Rate("USD", "KWD", 0.30655m, 2025, 1, 1));
        var day = new DateOnly(2025, 1, 1);

        Assert.Equal(0.13m, table.Convert(1.25m, "USD", "XAU", day));
        Assert.Equal(-0.13m, table.Convert(-1.25m, "USD", "XAU", day));
        Assert.Equal(0.307m, table.Convert(1.00m, "USD", "KWD", day));
    }

    [Fact]
    public void No_direct_inverse_or_cross_rate_is_missing_not_zero()
    {
        var table = Table(Rate("EUR", "USD", 1.10m, 2025, 1, 1));

        Assert.False(table.TryGetRate("CHF", "JPY", new DateOnly(2025, 1, 2), out var rate));
        Assert.Equal(0m, rate);
        var ex = Assert.Throws<DomainException>(() => table.RateAt("CHF", "JPY", new DateOnly(2025, 1, 2)));
        Assert.Contains("CHF to JPY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rates_are_refused_naming_the_field()
    {
        Assert.Equal("rate", Assert.Throws<DomainException>(() => Rate("EUR", "USD", 0m, 2025, 1, 1)).Field);
        Assert.Equal("toCurrency", Assert.Throws<DomainException>(() => Rate("EUR", "EUR", 1m, 2025, 1, 1)).Field);
        Assert.Equal("fromCurrency", Assert.Throws<DomainException>(() => Rate("eur", "USD", 1m, 2025, 1, 1)).Field);
        var duplicate = Assert.Throws<DomainException>(() => Table(Rate("EUR", "USD", 1.1m, 2025, 1, 1), Rate("EUR", "USD", 1.2m, 2025, 1, 1)));
        Assert.Equal(("FX_RATE_DUPLICATE", "effectiveFrom"), (duplicate.Code, duplicate.Field));
    }

    private static FxRate Rate(string from, string to, decimal rate, int year, int month, int day) =>
        new(Tenant, from, to, rate, new DateOnly(year, month, day));

    private static FxRateTable Table(params FxRate[] rates) => new(Tenant, "USD", rates);
}
