namespace Spm.Domain.Territories;

/// <summary>What territory rules see of an account. Text comparisons ignore case; a missing value matches no text rule.</summary>
public sealed record AccountAttributes(
    Guid AccountId,
    string? Country,
    string? Region,
    string? County,
    string? City,
    string? PostalCode,
    string? Industry,
    int EmployeeCount,
    decimal AnnualRevenue,
    decimal Potential);
