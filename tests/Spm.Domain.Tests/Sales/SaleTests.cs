using Spm.Domain.Common;
using Spm.Domain.Sales;

namespace Spm.Domain.Tests.Sales;

public sealed class SaleTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly Guid Bo = Guid.NewGuid();

    [Theory]
    [InlineData(-0.01, "USD", "SALE_AMOUNT_OUT_OF_RANGE", "amount")]
    [InlineData(1_000_000_000_000, "USD", "SALE_AMOUNT_OUT_OF_RANGE", "amount")]
    [InlineData(10.005, "USD", "SALE_AMOUNT_PRECISION", "amount")]
    [InlineData(100.5, "JPY", "SALE_AMOUNT_PRECISION", "amount")]
    [InlineData(10, "usd", "INVALID_CURRENCY", "currency")]
    [InlineData(10, "US", "INVALID_CURRENCY", "currency")]
    public void Bad_amounts_and_currencies_are_refused_naming_the_field(double amount, string currency, string code, string field)
    {
        var ex = Assert.Throws<DomainException>(() => Make((decimal)amount, currency));
        Assert.Equal((code, field), (ex.Code, ex.Field));
    }

    [Fact]
    public void Amounts_up_to_the_bound_and_in_minor_units_are_accepted()
    {
        Assert.Equal(999_999_999_999.99m, Make(999_999_999_999.99m).Amount);
        Assert.Equal(0.005m, Make(0.005m, "KWD").Amount);
        Assert.Equal(0m, Make(0m).Amount);
    }

    [Fact]
    public void Splits_must_sum_to_exactly_100()
    {
        var ex = Assert.Throws<DomainException>(() => Make(10m, coSellers: [new(Ana, 60m), new(Bo, 39.99m)]));
        Assert.Equal(("SALE_SPLITS_NOT_100", "coSellers"), (ex.Code, ex.Field));
        Assert.Contains("99.99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_co_seller_listed_twice_is_refused_naming_the_line()
    {
        var ex = Assert.Throws<DomainException>(() => Make(10m, coSellers: [new(Ana, 50m), new(Ana, 50m)]));
        Assert.Equal(("SALE_DUPLICATE_CO_SELLER", "coSellers[1].participantId"), (ex.Code, ex.Field));
    }

    [Fact]
    public void A_zero_split_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => Make(10m, coSellers: [new(Ana, 100m), new(Bo, 0m)]));
        Assert.Equal(("SALE_SPLIT_OUT_OF_RANGE", "coSellers[1].splitPercent"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Blank_identifiers_are_refused()
    {
        Assert.Equal("externalId", Assert.Throws<DomainException>(() => new Sale(Tenant, "crm", " ", 1m, "USD", default, null, null, null, Ana)).Field);
        Assert.Equal("source", Assert.Throws<DomainException>(() => new Sale(Tenant, "", "S-1", 1m, "USD", default, null, null, null, Ana)).Field);
        Assert.Equal("ownerParticipantId", Assert.Throws<DomainException>(() => new Sale(Tenant, "crm", "S-1", 1m, "USD", default, null, null, null, Guid.Empty)).Field);
    }

    [Fact]
    public void The_content_hash_ignores_co_seller_order_and_trailing_zeros_but_not_content()
    {
        var first = Make(100m, coSellers: [new(Ana, 60m), new(Bo, 40m)]);
        var replay = Make(100.00m, coSellers: [new(Bo, 40.0m), new(Ana, 60.00m)]);
        var amended = Make(100.01m, coSellers: [new(Ana, 60m), new(Bo, 40m)]);
        var resplit = Make(100m, coSellers: [new(Ana, 50m), new(Bo, 50m)]);

        Assert.True(first.HasSameContent(replay));
        Assert.Equal(64, first.ContentHash.Length);
        Assert.False(first.HasSameContent(amended));
        Assert.False(first.HasSameContent(resplit));
    }

    private static Sale Make(decimal amount, string currency = "USD", IReadOnlyList<CoSeller>? coSellers = null) =>
        new(Tenant, "crm", "S-1", amount, currency, new DateOnly(2025, 3, 1), null, "Licence", null, Ana, coSellers);
}
