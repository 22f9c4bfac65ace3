using Spm.Domain.Territories;

namespace Spm.Domain.Tests.Territories;

internal static class TerritoryFixtures
{
    public static readonly DateOnly Day = new(2025, 3, 1);

    public static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    public static AccountAttributes Account(
        int id,
        string? country = "US",
        string? region = "CA",
        string? county = null,
        string? city = null,
        string? postal = null,
        string? industry = null,
        int employees = 0,
        decimal revenue = 0m,
        decimal potential = 0m) =>
        new(Id(id), country, region, county, city, postal, industry, employees, revenue, potential);

    public static TerritoryDefinition Territory(int id, RuleExpression? rule, int? parent = null, int priority = 0, DateOnly? from = null, DateOnly? to = null) =>
        new(Id(id), $"T{id}", parent is { } p ? Id(p) : null, priority, from ?? new DateOnly(2020, 1, 1), to, rule);
}
