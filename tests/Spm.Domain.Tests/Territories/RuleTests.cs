using Spm.Domain.Common;
using Spm.Domain.Territories;
using static Spm.Domain.Tests.Territories.TerritoryFixtures;

namespace Spm.Domain.Tests.Territories;

public sealed class RuleTests
{
    public static TheoryData<string, bool> Cases() => new()
    {
        { "equals", true },
        { "equals-case", true },
        { "equals-miss", false },
        { "equals-null", false },
        { "in-list", true },
        { "in-list-miss", false },
        { "prefix", true },
        { "prefix-miss", false },
        { "range-min-inclusive", true },
        { "range-max-inclusive", true },
        { "range-above", false },
        { "range-open-max", true },
        { "and-both", true },
        { "and-one", false },
        { "or-one", true },
        { "or-none", false },
        { "nested", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_operator_matches_as_documented_in_both_resolvers(string name, bool expected)
    {
        var account = Account(1, country: "US", region: "CA", city: "San Jose", postal: "95112", industry: "Retail", employees: 250, revenue: 1_000_000m, potential: 50_000m);
        RuleExpression rule = name switch
        {
            "equals" => new EqualsRule("country", "US"),
            "equals-case" => new EqualsRule("City", "san JOSE"),
            "equals-miss" => new EqualsRule("country", "DE"),
            "equals-null" => new EqualsRule("county", "Santa Clara"),
            "in-list" => new InListRule("state", ["WA", "CA"]),
            "in-list-miss" => new InListRule("industry", ["Banking", "Energy"]),
            "prefix" => new PostalPrefixRule(["94", "951"]),
            "prefix-miss" => new PostalPrefixRule(["94", "9510"]),
            "range-min-inclusive" => new RangeRule("employeeCount", 250m, 500m),
            "range-max-inclusive" => new RangeRule("annualRevenue", 0m, 1_000_000m),
            "range-above" => new RangeRule("potential", null, 49_999.99m),
            "range-open-max" => new RangeRule("potential", 50_000m, null),
            "and-both" => new AllOfRule([new EqualsRule("country", "US"), new PostalPrefixRule(["95"])]),
            "and-one" => new AllOfRule([new EqualsRule("country", "US"), new PostalPrefixRule(["94"])]),
            "or-one" => new AnyOfRule([new EqualsRule("country", "DE"), new InListRule("industry", ["Retail"])]),
            "or-none" => new AnyOfRule([new EqualsRule("country", "DE"), new RangeRule("employeeCount", 1000m, null)]),
            _ => new AllOfRule([new AnyOfRule([new EqualsRule("region", "WA"), new EqualsRule("region", "CA")]), new RangeRule("employeeCount", 100m, 300m)]),
        };

        Assert.Equal(expected, NaiveTerritoryResolver.Evaluate(rule, account));
        var hierarchy = TerritoryHierarchy.Create([Territory(1, rule)]);
        var resolved = TerritoryResolver.Compile(hierarchy, Day).Resolve(account);
        Assert.Equal(expected ? Id(1) : null, resolved.TerritoryId);
    }

    [Fact]
    public void An_unknown_attribute_is_a_validation_error_naming_it()
    {
        var ex = Assert.Throws<DomainException>(() =>
            TerritoryHierarchy.Create([Territory(1, new AllOfRule([new EqualsRule("country", "US"), new EqualsRule("zipcode", "1")]))]));
        Assert.Equal("TERRITORY_RULE_UNKNOWN_ATTRIBUTE", ex.Code);
        Assert.Contains("'zipcode'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'T1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_operator_on_a_text_attribute_is_an_error_naming_it_and_vice_versa()
    {
        var numericOnText = Assert.Throws<DomainException>(() => TerritoryHierarchy.Create([Territory(1, new RangeRule("city", 1m, 2m))]));
        Assert.Equal("TERRITORY_RULE_TYPE", numericOnText.Code);
        Assert.Contains("'city'", numericOnText.Message, StringComparison.Ordinal);

        var textOnNumeric = Assert.Throws<DomainException>(() => TerritoryHierarchy.Create([Territory(1, new EqualsRule("potential", "5"))]));
        Assert.Contains("'potential'", textOnNumeric.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_inverted_rules_are_rejected()
    {
        Assert.Equal("TERRITORY_RULE_EMPTY", Assert.Throws<DomainException>(() => TerritoryHierarchy.Create([Territory(1, new InListRule("city", []))])).Code);
        Assert.Equal("TERRITORY_RULE_EMPTY", Assert.Throws<DomainException>(() => TerritoryHierarchy.Create([Territory(1, new AnyOfRule([]))])).Code);
        Assert.Equal("TERRITORY_RULE_RANGE", Assert.Throws<DomainException>(() => TerritoryHierarchy.Create([Territory(1, new RangeRule("potential", 5m, 1m))])).Code);
    }
}
