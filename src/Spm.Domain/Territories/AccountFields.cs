namespace Spm.Domain.Territories;

/// <summary>Maps the attribute names rules are written with (from the API or the database) to attributes.</summary>
public static class AccountFields
{
    private static readonly Dictionary<string, AccountField> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["country"] = AccountField.Country,
        ["region"] = AccountField.Region,
        ["state"] = AccountField.Region,
        ["county"] = AccountField.County,
        ["city"] = AccountField.City,
        ["postalCode"] = AccountField.PostalCode,
        ["industry"] = AccountField.Industry,
        ["employeeCount"] = AccountField.EmployeeCount,
        ["annualRevenue"] = AccountField.AnnualRevenue,
        ["potential"] = AccountField.Potential,
    };

    public static bool TryParse(string? name, out AccountField attribute) =>
        Names.TryGetValue(name ?? string.Empty, out attribute);

    public static bool IsNumeric(AccountField attribute) =>
        attribute is AccountField.EmployeeCount or AccountField.AnnualRevenue or AccountField.Potential;

    /// <summary>The text value of a text attribute.</summary>
    public static string? Text(AccountAttributes account, AccountField attribute)
    {
        ArgumentNullException.ThrowIfNull(account);
        return attribute switch
        {
            AccountField.Country => account.Country,
            AccountField.Region => account.Region,
            AccountField.County => account.County,
            AccountField.City => account.City,
            AccountField.PostalCode => account.PostalCode,
            AccountField.Industry => account.Industry,
            _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not a text attribute."),
        };
    }

    /// <summary>The value of a numeric attribute.</summary>
    public static decimal Number(AccountAttributes account, AccountField attribute)
    {
        ArgumentNullException.ThrowIfNull(account);
        return attribute switch
        {
            AccountField.EmployeeCount => account.EmployeeCount,
            AccountField.AnnualRevenue => account.AnnualRevenue,
            AccountField.Potential => account.Potential,
            _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not a numeric attribute."),
        };
    }
}
