using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Domain.Territories;

namespace Spm.Domain.Accounts;

/// <summary>
/// A customer or prospect with the attributes territory rules match on. The external id (the CRM's key) is unique per
/// tenant and makes imports idempotent: the same row imported twice is the same account, unchanged.
/// </summary>
public sealed class Account : ITenantOwned
{
    public Account(Guid id, Guid tenantId, AccountData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Id = id;
        TenantId = tenantId;
        ExternalId = data.ExternalId;
        Name = data.Name;
        Apply(data);
    }

    // For EF Core, which sets the properties itself.
    private Account()
    {
        ExternalId = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The source system's key; unique within the tenant.</summary>
    public string ExternalId { get; private set; }

    public string Name { get; private set; }

    /// <summary>ISO country code as given (upper case), e.g. "US".</summary>
    public string? Country { get; private set; }

    /// <summary>State, province or region.</summary>
    public string? Region { get; private set; }

    public string? County { get; private set; }

    public string? City { get; private set; }

    /// <summary>Upper case, as given otherwise (spaces kept: "SW1A 1AA").</summary>
    public string? PostalCode { get; private set; }

    public string? Industry { get; private set; }

    public int EmployeeCount { get; private set; }

    /// <summary>The account's revenue with us over the last year, in the tenant's reporting currency.</summary>
    public decimal AnnualRevenue { get; private set; }

    /// <summary>Market opportunity: what the account could buy, in the tenant's reporting currency.</summary>
    public decimal Potential { get; private set; }

    public decimal? Latitude { get; private set; }

    public decimal? Longitude { get; private set; }

    /// <summary>The participant who owns the account in the CRM, if any (territories decide credit, not this).</summary>
    public Guid? OwnerParticipantId { get; private set; }

    /// <summary>The account's values, as an import row would carry them.</summary>
    public AccountData ToData() => new(
        ExternalId, Name, Country, Region, County, City, PostalCode, Industry, EmployeeCount, AnnualRevenue, Potential, Latitude, Longitude, OwnerParticipantId);

    public AccountAttributes Attributes() =>
        new(Id, Country, Region, County, City, PostalCode, Industry, EmployeeCount, AnnualRevenue, Potential);

    /// <summary>Takes the values of a normalised, valid row; returns false (and changes nothing) when they are the same.</summary>
    public bool Apply(AccountData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!string.Equals(data.ExternalId, ExternalId, StringComparison.Ordinal))
        {
            throw new DomainException("ACCOUNT_EXTERNAL_ID", $"Account {Id} has external id '{ExternalId}', not '{data.ExternalId}'.", "externalId");
        }

        // Records compare decimals by value (1.0 == 1.00), so a re-import that only reformats numbers changes nothing.
        if (data == ToData())
        {
            return false;
        }

        Name = data.Name;
        Country = data.Country;
        Region = data.Region;
        County = data.County;
        City = data.City;
        PostalCode = data.PostalCode;
        Industry = data.Industry;
        EmployeeCount = data.EmployeeCount;
        AnnualRevenue = data.AnnualRevenue;
        Potential = data.Potential;
        Latitude = data.Latitude;
        Longitude = data.Longitude;
        OwnerParticipantId = data.OwnerParticipantId;
        return true;
    }
}
