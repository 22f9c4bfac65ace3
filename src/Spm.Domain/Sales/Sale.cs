using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Spm.Domain.Common;
using Spm.Domain.Currency;
using Spm.Domain.Organisation;

namespace Spm.Domain.Sales;

/// <summary>
/// The content of a closed deal, order or booking as the CRM or ERP sent it, validated. Immutable: a change
/// arrives as a new <see cref="SaleRevision"/>, never as an update of this object.
/// </summary>
/// <remarks>
/// <see cref="CoSellers"/> is the sale's full split table when present: every seller who shares the deal and
/// their percentage, summing to exactly 100. The owner may appear in it (usually does) with their own share.
/// Without a table the owner holds 100 %. The table is kept sorted by participant id, so the order a source
/// lists co-sellers in changes neither the content hash nor which seller receives a rounding cent.
/// </remarks>
public sealed class Sale : ITenantOwned
{
    /// <summary>Amounts must stay below this: a trillion in any currency is a typo or an attack, not a deal.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public const int MaxSourceLength = 64;
    public const int MaxExternalIdLength = 200;
    public const int MaxAttributeLength = 100;
    public const int MaxCoSellers = 20;

    private string? contentHash;

    public Sale(
        Guid tenantId,
        string source,
        string externalId,
        decimal amount,
        string currency,
        DateOnly closeDate,
        Guid? accountId,
        string? product,
        string? segment,
        Guid ownerParticipantId,
        IReadOnlyList<CoSeller>? coSellers = null)
    {
        TenantId = tenantId;
        Source = Guard.NotBlank(source, "source", MaxSourceLength);
        ExternalId = Guard.NotBlank(externalId, "externalId", MaxExternalIdLength);
        Currency = CurrencyCode.Require(currency, "currency");
        if (amount < 0 || amount >= MaxAmount)
        {
            throw new DomainException("SALE_AMOUNT_OUT_OF_RANGE", string.Create(CultureInfo.InvariantCulture, $"The amount {amount} must be zero or more and below {MaxAmount:N0}."), "amount");
        }

        if (!Money.IsWholeMinorUnits(amount, Currency))
        {
            throw new DomainException("SALE_AMOUNT_PRECISION", string.Create(CultureInfo.InvariantCulture, $"The amount {amount} has more decimals than {Currency} allows ({CurrencyCode.MinorUnits(Currency)})."), "amount");
        }

        Amount = amount;
        CloseDate = closeDate;
        AccountId = accountId;
        Product = Optional(product, "product");
        Segment = Optional(segment, "segment");
        if (ownerParticipantId == Guid.Empty)
        {
            throw new DomainException("REQUIRED", "ownerParticipantId must name a participant.", "ownerParticipantId");
        }

        OwnerParticipantId = ownerParticipantId;
        CoSellers = ValidateSplits(coSellers ?? []);
    }

    public Guid TenantId { get; }

    public string Source { get; }

    public string ExternalId { get; }

    public SaleKey Key => new(TenantId, Source, ExternalId);

    /// <summary>In <see cref="Currency"/>, a whole number of its minor units.</summary>
    public decimal Amount { get; }

    public string Currency { get; }

    public DateOnly CloseDate { get; }

    /// <summary>The customer account; territory and overlay credit need it.</summary>
    public Guid? AccountId { get; }

    public string? Product { get; }

    public string? Segment { get; }

    public Guid OwnerParticipantId { get; }

    /// <summary>The split table, sorted by participant id; empty when the owner holds the whole sale.</summary>
    public IReadOnlyList<CoSeller> CoSellers { get; }

    /// <summary>
    /// SHA-256 (hex) of a canonical rendering of the content: equal for a replay, different after any change
    /// that could move a credit. Stored next to the revision so a replay is recognised with one comparison.
    /// </summary>
    public string ContentHash => contentHash ??= ComputeHash();

    /// <summary>True when <paramref name="other"/> is the same sale with the same content (a replay).</summary>
    public bool HasSameContent(Sale other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(ContentHash, other.ContentHash, StringComparison.Ordinal);
    }

    /// <summary>The canonical text the hash is taken of; one field per line, invariant culture.</summary>
    public string CanonicalContent()
    {
        var text = new StringBuilder(256);
        text.Append(CultureInfo.InvariantCulture, $"tenant={TenantId:N}\nsource={Source}\nexternalId={ExternalId}\n");
        text.Append(CultureInfo.InvariantCulture, $"amount={Normalise(Amount)}\ncurrency={Currency}\ncloseDate={CloseDate:yyyy-MM-dd}\n");
        text.Append(CultureInfo.InvariantCulture, $"account={AccountId:N}\nproduct={Product}\nsegment={Segment}\nowner={OwnerParticipantId:N}\n");
        foreach (var coSeller in CoSellers)
        {
            text.Append(CultureInfo.InvariantCulture, $"split={coSeller.ParticipantId:N}:{Normalise(coSeller.SplitPercent)}\n");
        }

        return text.ToString();
    }

    // 100, 100.0 and 100.00 are the same content: dividing by a one with many trailing zeros strips them.
    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;

    private string ComputeHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalContent())));

    private static string? Optional(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Guard.NotBlank(value, field, MaxAttributeLength);

    private static CoSeller[] ValidateSplits(IReadOnlyList<CoSeller> coSellers)
    {
        if (coSellers.Count == 0)
        {
            return [];
        }

        if (coSellers.Count > MaxCoSellers)
        {
            throw new DomainException("SALE_TOO_MANY_CO_SELLERS", $"A sale can be split between at most {MaxCoSellers} sellers, got {coSellers.Count}.", "coSellers");
        }

        var seen = new HashSet<Guid>();
        decimal total = 0;
        for (var i = 0; i < coSellers.Count; i++)
        {
            var line = coSellers[i] ?? throw new DomainException("REQUIRED", $"coSellers[{i}] is missing.", $"coSellers[{i}]");
            if (line.ParticipantId == Guid.Empty)
            {
                throw new DomainException("REQUIRED", $"coSellers[{i}].participantId must name a participant.", $"coSellers[{i}].participantId");
            }

            if (!seen.Add(line.ParticipantId))
            {
                throw new DomainException("SALE_DUPLICATE_CO_SELLER", $"Participant {line.ParticipantId} appears more than once in the split table.", $"coSellers[{i}].participantId");
            }

            if (line.SplitPercent is <= 0 or > 100)
            {
                throw new DomainException("SALE_SPLIT_OUT_OF_RANGE", string.Create(CultureInfo.InvariantCulture, $"The split {line.SplitPercent} % must be above 0 and at most 100."), $"coSellers[{i}].splitPercent");
            }

            total += line.SplitPercent;
        }

        if (total != 100m)
        {
            throw new DomainException("SALE_SPLITS_NOT_100", string.Create(CultureInfo.InvariantCulture, $"The split percentages add up to {total} %, not exactly 100 %."), "coSellers");
        }

        var sorted = coSellers.ToArray();
        Array.Sort(sorted, (a, b) => a.ParticipantId.CompareTo(b.ParticipantId));
        return sorted;
    }
}
