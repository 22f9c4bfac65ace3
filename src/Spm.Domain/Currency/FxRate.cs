using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Currency;

/// <summary>
/// One quoted exchange rate of a tenant: one <see cref="FromCurrency"/> buys <see cref="Rate"/>
/// <see cref="ToCurrency"/>, from <see cref="EffectiveFrom"/> until the next quote of the same pair.
/// </summary>
public sealed record FxRate : ITenantOwned
{
    /// <summary>A rate above this is a typo (the weakest currencies trade near 10^5 per dollar).</summary>
    public const decimal MaxRate = 1_000_000_000m;

    public FxRate(Guid tenantId, string fromCurrency, string toCurrency, decimal rate, DateOnly effectiveFrom)
    {
        TenantId = tenantId;
        FromCurrency = CurrencyCode.Require(fromCurrency, "fromCurrency");
        ToCurrency = CurrencyCode.Require(toCurrency, "toCurrency");
        if (FromCurrency == ToCurrency)
        {
            throw new DomainException("FX_RATE_SAME_CURRENCY", $"A rate from {FromCurrency} to itself is always 1 and cannot be quoted.", "toCurrency");
        }

        Rate = rate is > 0 and <= MaxRate
            ? rate
            : throw new DomainException("FX_RATE_INVALID", $"The rate {rate} for {FromCurrency}/{ToCurrency} must be positive and at most {MaxRate}.", "rate");
        EffectiveFrom = effectiveFrom;
    }

    public Guid TenantId { get; }

    public string FromCurrency { get; }

    public string ToCurrency { get; }

    public decimal Rate { get; }

    public DateOnly EffectiveFrom { get; }
}
