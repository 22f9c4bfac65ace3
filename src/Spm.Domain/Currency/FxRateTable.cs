using System.Globalization;
using Spm.Domain.Common;

namespace Spm.Domain.Currency;

/// <summary>
/// A tenant's exchange rates, compiled for lookups by pair and date. Immutable once built, so one instance
/// serves every thread of a crediting run.
/// </summary>
/// <remarks>
/// The rate of a pair at a date is the latest quote effective on or before that date. Resolution order:
/// <list type="number">
/// <item>the same currency converts at exactly 1;</item>
/// <item>a quote of the pair itself (from -> to) or of its inverse (to -> from, used as 1 / rate), whichever
/// became effective later, the direct quote winning a tie: a stale direct quote must not beat a fresh inverse;</item>
/// <item>otherwise a cross rate through the reporting currency, from -> reporting x reporting -> to, each leg
/// resolved as in 2. Crosses go through the reporting currency only, because that is the currency the tenant
/// is obliged to quote everything against; chaining arbitrary pairs would make the answer depend on a search order.</item>
/// </list>
/// The cross and inverse rates keep full decimal precision (28 digits); rounding happens once, on the converted
/// amount (<see cref="Money.Round"/>). A missing rate is an error (<c>FX_RATE_MISSING</c>), never zero or one.
/// </remarks>
public sealed class FxRateTable
{
    private readonly Dictionary<(string From, string To), Series> pairs = [];

    public FxRateTable(Guid tenantId, string reportingCurrency, IEnumerable<FxRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        TenantId = tenantId;
        ReportingCurrency = CurrencyCode.Require(reportingCurrency, "reportingCurrency");
        var grouped = new Dictionary<(string, string), List<FxRate>>();
        foreach (var rate in rates)
        {
            if (rate.TenantId != tenantId)
            {
                throw new DomainException("FX_RATE_WRONG_TENANT", $"The {rate.FromCurrency}/{rate.ToCurrency} rate of {rate.EffectiveFrom:yyyy-MM-dd} belongs to another tenant.", "tenantId");
            }

            var key = (rate.FromCurrency, rate.ToCurrency);
            if (!grouped.TryGetValue(key, out var list))
            {
                grouped[key] = list = [];
            }

            list.Add(rate);
        }

        foreach (var (key, list) in grouped)
        {
            list.Sort((a, b) => a.EffectiveFrom.CompareTo(b.EffectiveFrom));
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i].EffectiveFrom == list[i - 1].EffectiveFrom)
                {
                    throw new DomainException("FX_RATE_DUPLICATE", $"{key.Item1}/{key.Item2} is quoted twice effective {list[i].EffectiveFrom:yyyy-MM-dd}.", "effectiveFrom");
                }
            }

            pairs[key] = new Series(list.Select(r => r.EffectiveFrom).ToArray(), list.Select(r => r.Rate).ToArray());
        }
    }

    public Guid TenantId { get; }

    /// <summary>The currency every sale is also converted to; the hub of cross rates.</summary>
    public string ReportingCurrency { get; }

    /// <summary>The rate from <paramref name="from"/> to <paramref name="to"/> at <paramref name="date"/>, if any can be resolved.</summary>
    public bool TryGetRate(string from, string to, DateOnly date, out decimal rate)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            rate = 1m;
            return true;
        }

        if (TryQuoted(from, to, date, out rate, out _))
        {
            return true;
        }

        var hub = ReportingCurrency;
        if (!string.Equals(from, hub, StringComparison.Ordinal) && !string.Equals(to, hub, StringComparison.Ordinal)
            && TryQuoted(from, hub, date, out var first, out _) && TryQuoted(hub, to, date, out var second, out _))
        {
            rate = first * second;
            return true;
        }

        rate = 0m;
        return false;
    }

    /// <summary>The rate at <paramref name="date"/>; throws <c>FX_RATE_MISSING</c> naming the pair and date.</summary>
    public decimal RateAt(string from, string to, DateOnly date) =>
        TryGetRate(from, to, date, out var rate) ? rate : throw Missing(from, to, date);

    /// <summary>Converts and rounds half away from zero to the minor units of <paramref name="to"/>.</summary>
    public decimal Convert(decimal amount, string from, string to, DateOnly date) =>
        string.Equals(from, to, StringComparison.Ordinal) ? amount : Money.Round(amount * RateAt(from, to, date), to);

    internal static DomainException Missing(string from, string to, DateOnly date) =>
        new("FX_RATE_MISSING", string.Create(CultureInfo.InvariantCulture, $"No exchange rate from {from} to {to} is effective on or before {date:yyyy-MM-dd}: quote {from}/{to} (or an inverse or a cross through the reporting currency) from that date or earlier."), "currency");

    // A direct or inverse quote, the later of the two; effective is the date the chosen quote took effect.
    private bool TryQuoted(string from, string to, DateOnly date, out decimal rate, out DateOnly effective)
    {
        var hasDirect = pairs.TryGetValue((from, to), out var direct) & direct.TryAt(date, out var directRate, out var directFrom);
        var hasInverse = pairs.TryGetValue((to, from), out var inverse) & inverse.TryAt(date, out var inverseRate, out var inverseFrom);
        if (hasDirect && (!hasInverse || directFrom >= inverseFrom))
        {
            rate = directRate;
            effective = directFrom;
            return true;
        }

        if (hasInverse)
        {
            rate = 1m / inverseRate;
            effective = inverseFrom;
            return true;
        }

        rate = 0m;
        effective = default;
        return false;
    }

    // Quotes of one pair by effective date, ascending; a struct so a miss costs no allocation.
    private readonly struct Series(DateOnly[] dates, decimal[] rates)
    {
        public bool TryAt(DateOnly date, out decimal rate, out DateOnly effective)
        {
            if (dates is null)
            {
                rate = 0m;
                effective = default;
                return false;
            }

            // Latest quote effective on or before the date: binary search for the last date <= date.
            var index = Array.BinarySearch(dates, date);
            if (index < 0)
            {
                index = ~index - 1;
            }

            if (index < 0)
            {
                rate = 0m;
                effective = default;
                return false;
            }

            rate = rates[index];
            effective = dates[index];
            return true;
        }
    }
}
