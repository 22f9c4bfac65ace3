using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Accounts;

/// <summary>One account row of upsertAccounts.</summary>
public sealed class AccountInputGraphType : InputObjectGraphType
{
    public AccountInputGraphType()
    {
        Name = "AccountInput";
        Description = "An account to create, or to update when an account with the same `externalId` exists. Blank text counts as absent.";
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The source system's key (up to 100 characters).");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Account name.");
        Field<StringGraphType>("country").Description("Country code, e.g. `US` (stored upper case).");
        Field<StringGraphType>("region").Description("State, province or region.");
        Field<StringGraphType>("county").Description("County or district.");
        Field<StringGraphType>("city").Description("City.");
        Field<StringGraphType>("postalCode").Description("Postal code (stored upper case).");
        Field<StringGraphType>("industry").Description("Industry.");
        Field<IntGraphType>("employeeCount").Description("Employees, 0 or more (default 0).");
        Field<DecimalStringGraphType>("annualRevenue").Description("Last year's revenue from the account, 0 or more (default 0), rounded to cents.");
        Field<DecimalStringGraphType>("potential").Description("Market opportunity, 0 or more (default 0), rounded to cents.");
        Field<DecimalStringGraphType>("latitude").Description("Latitude, -90 to 90; give both coordinates or neither.");
        Field<DecimalStringGraphType>("longitude").Description("Longitude, -180 to 180.");
        Field<IdGraphType>("ownerId").Description("The participant who owns the account in the CRM.");
    }
}
