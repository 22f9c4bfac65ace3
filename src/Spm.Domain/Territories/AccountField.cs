namespace Spm.Domain.Territories;

/// <summary>The account attributes territory rules can match on. The first six are text, the last three numbers.</summary>
public enum AccountField
{
    Country,
    Region,
    County,
    City,
    PostalCode,
    Industry,
    EmployeeCount,
    AnnualRevenue,
    Potential,
}
