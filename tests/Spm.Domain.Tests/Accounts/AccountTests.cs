using Spm.Domain.Accounts;

namespace Spm.Domain.Tests.Accounts;

public sealed class AccountTests
{
    private static AccountData Row(string externalId = "A-1", decimal revenue = 1200.5m, int employees = 40) =>
        new(externalId, " Acme Dental ", "us", "CA", null, "San Jose", "95112", "Health", employees, revenue, 5000m, null, null, null);

    [Fact]
    public void Normalising_trims_and_upper_cases_and_the_same_values_change_nothing()
    {
        var data = Row().Normalise();
        Assert.Equal("Acme Dental", data.Name);
        Assert.Equal("US", data.Country);
        var account = new Account(Guid.NewGuid(), Guid.NewGuid(), data);

        // 1200.50 and 1200.5 are the same amount: a re-import that only reformats numbers is not a change.
        Assert.False(account.Apply(Row(revenue: 1200.50m).Normalise()));
        Assert.True(account.Apply(Row(employees: 41).Normalise()));
        Assert.Equal(41, account.EmployeeCount);
    }

    [Fact]
    public void Validation_names_every_broken_field()
    {
        var data = new AccountData("", "", null, null, null, null, null, null, -1, -5m, 0m, 91m, null, null).Normalise();
        Assert.Equal(
            ["externalId", "name", "employeeCount", "annualRevenue", "latitude", "longitude"],
            data.Validate().Select(e => e.Field));
    }
}
