using System.Globalization;
using Spm.Domain.Territories;

namespace Spm.Domain.Accounts;

/// <summary>
/// The values of one account as a client sends them (GraphQL batch or CSV row), before it becomes an
/// <see cref="Account"/>. <see cref="Normalise"/> trims text and turns blanks into nulls, so "CA " and "CA" are the
/// same value and a re-import of the same file compares equal.
/// </summary>
public sealed record AccountData(
    string ExternalId,
    string Name,
    string? Country,
    string? Region,
    string? County,
    string? City,
    string? PostalCode,
    string? Industry,
    int EmployeeCount,
    decimal AnnualRevenue,
    decimal Potential,
    decimal? Latitude,
    decimal? Longitude,
    Guid? OwnerParticipantId)
{
    public const int MaxTextLength = 200;
    public const int MaxExternalIdLength = 100;

    /// <summary>Trimmed text, blanks as null, country and postal code upper case.</summary>
    public AccountData Normalise() => this with
    {
        ExternalId = ExternalId?.Trim() ?? string.Empty,
        Name = Name?.Trim() ?? string.Empty,
        Country = Clean(Country)?.ToUpperInvariant(),
        Region = Clean(Region),
        County = Clean(County),
        City = Clean(City),
        PostalCode = Clean(PostalCode)?.ToUpperInvariant(),
        Industry = Clean(Industry),

        // Stored as numeric(20,2) and numeric(9,6): rounding here keeps a re-import equal to what was stored.
        AnnualRevenue = Math.Round(AnnualRevenue, 2, MidpointRounding.ToEven),
        Potential = Math.Round(Potential, 2, MidpointRounding.ToEven),
        Latitude = Latitude is { } lat ? Math.Round(lat, 6, MidpointRounding.ToEven) : null,
        Longitude = Longitude is { } lon ? Math.Round(lon, 6, MidpointRounding.ToEven) : null,
    };

    /// <summary>Every broken rule of a normalised row, each naming its field (camelCase, as in the API and the CSV header).</summary>
    public IReadOnlyList<AccountFieldError> Validate()
    {
        var errors = new List<AccountFieldError>();
        if (string.IsNullOrEmpty(ExternalId))
        {
            errors.Add(new("externalId", "REQUIRED", "externalId must not be empty."));
        }
        else if (ExternalId.Length > MaxExternalIdLength)
        {
            errors.Add(new("externalId", "TOO_LONG", $"externalId is longer than {MaxExternalIdLength} characters."));
        }

        if (string.IsNullOrEmpty(Name))
        {
            errors.Add(new("name", "REQUIRED", "name must not be empty."));
        }

        foreach (var (field, value) in new[] { ("name", Name), ("country", Country), ("region", Region), ("county", County), ("city", City), ("postalCode", PostalCode), ("industry", Industry) })
        {
            if (value is { Length: > MaxTextLength })
            {
                errors.Add(new(field, "TOO_LONG", $"{field} is longer than {MaxTextLength} characters."));
            }
        }

        if (EmployeeCount < 0)
        {
            errors.Add(new("employeeCount", "NEGATIVE", $"employeeCount must not be negative; it was {EmployeeCount}."));
        }

        if (AnnualRevenue < 0)
        {
            errors.Add(new("annualRevenue", "NEGATIVE", $"annualRevenue must not be negative; it was {AnnualRevenue.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (Potential < 0)
        {
            errors.Add(new("potential", "NEGATIVE", $"potential must not be negative; it was {Potential.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (Latitude is { } lat && (lat < -90m || lat > 90m))
        {
            errors.Add(new("latitude", "OUT_OF_RANGE", $"latitude must be between -90 and 90; it was {lat.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (Longitude is { } lon && (lon < -180m || lon > 180m))
        {
            errors.Add(new("longitude", "OUT_OF_RANGE", $"longitude must be between -180 and 180; it was {lon.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (Latitude is null != Longitude is null)
        {
            errors.Add(new(Latitude is null ? "latitude" : "longitude", "INCOMPLETE", "latitude and longitude go together: give both or neither."));
        }

        return errors;
    }

    /// <summary>What territory rules see of the account.</summary>
    public AccountAttributes Attributes(Guid accountId) =>
        new(accountId, Country, Region, County, City, PostalCode, Industry, EmployeeCount, AnnualRevenue, Potential);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
