using Spm.Domain.Common;
using Spm.Domain.Territories;

namespace Spm.Domain.Tests.Territories;

public sealed class TerritoryEntityTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid TerritoryId = TerritoryFixtures.Id(1);

    private static TerritoryParticipant Assignment(int participant, TerritoryRole role, decimal split, DateOnly from, DateOnly? to = null) =>
        new(Guid.NewGuid(), Tenant, TerritoryId, TerritoryFixtures.Id(100 + participant), role, split, from, to);

    [Fact]
    public void Rules_round_trip_through_their_stored_json()
    {
        var territory = new Territory(TerritoryId, Tenant, "Bay Area", "territory", null, 0, new(2025, 1, 1), null);
        RuleExpression[] rules =
        [
            new InListRule("state", ["CA", "NV"]),
            new AnyOfRule([new PostalPrefixRule(["94", "95"]), new AllOfRule([new EqualsRule("industry", "Retail"), new RangeRule("employeeCount", 50m, null)])]),
            new RangeRule("annualRevenue", null, 1_000_000.50m),
        ];
        territory.SetRules(rules, RuleMatch.All);

        var stored = new Territory(TerritoryId, Tenant, "Bay Area", "territory", null, 0, new(2025, 1, 1), null);
        typeof(Territory).GetProperty(nameof(Territory.RulesJson))!.SetValue(stored, territory.RulesJson);
        Assert.Equal(3, stored.Rules.Count);
        Assert.Equal(rules[0] with { }, stored.Rules[0], new RuleComparer());
        Assert.Equal(rules[1], stored.Rules[1], new RuleComparer());
        Assert.Equal(rules[2], stored.Rules[2]);
        Assert.IsType<AllOfRule>(stored.Rule);
    }

    [Fact]
    public void An_unknown_attribute_is_refused_naming_the_rule_and_the_attribute()
    {
        var territory = new Territory(TerritoryId, Tenant, "Bay Area", "territory", null, 0, new(2025, 1, 1), null);
        var error = Assert.Throws<DomainException>(() => territory.SetRules(
            [new EqualsRule("country", "US"), new AnyOfRule([new PostalPrefixRule(["94"]), new EqualsRule("vertical", "Retail")])],
            RuleMatch.All));

        Assert.Equal("TERRITORY_RULE_UNKNOWN_ATTRIBUTE", error.Code);
        Assert.Equal("rules.1.operands.1.attribute", error.Field);
        Assert.StartsWith("Rule rules[1].operands[1]: Territory 'Bay Area': unknown account attribute 'vertical'.", error.Message, StringComparison.Ordinal);
        Assert.Equal("[]", territory.RulesJson);
    }

    [Fact]
    public void Overlapping_dates_for_the_same_participant_and_role_are_refused()
    {
        var existing = Assignment(1, TerritoryRole.Primary, 50m, new(2025, 1, 1), new(2025, 6, 30));
        var overlapping = Assignment(1, TerritoryRole.Primary, 50m, new(2025, 6, 30));
        var error = Assert.Throws<DomainException>(() => TerritoryParticipant.EnsureFits(overlapping, [existing], "Bay Area"));
        Assert.Equal("ASSIGNMENT_OVERLAP", error.Code);
        Assert.Contains("2025-01-01 to 2025-06-30", error.Message, StringComparison.Ordinal);

        // The day after is fine, and so is the same participant as an overlay over the same dates.
        TerritoryParticipant.EnsureFits(Assignment(1, TerritoryRole.Primary, 50m, new(2025, 7, 1)), [existing], "Bay Area");
        TerritoryParticipant.EnsureFits(Assignment(1, TerritoryRole.Overlay, 100m, new(2025, 3, 1)), [existing], "Bay Area");
    }

    [Fact]
    public void Primary_splits_may_reach_but_not_pass_100_percent_on_any_day()
    {
        // A 60 % from Jan to Jun and a 30 % from Apr: 90 % from April. A 10 % from March fits (max 100 % in Apr-Jun);
        // a 20 % from July fits (30 + 20 = 50); a 20 % from March does not (60 + 30 + 20 = 110 on 1 April).
        TerritoryParticipant[] existing =
        [
            Assignment(1, TerritoryRole.Primary, 60m, new(2025, 1, 1), new(2025, 6, 30)),
            Assignment(2, TerritoryRole.Primary, 30m, new(2025, 4, 1)),
        ];
        TerritoryParticipant.EnsureFits(Assignment(3, TerritoryRole.Primary, 10m, new(2025, 3, 1)), existing, "T");
        TerritoryParticipant.EnsureFits(Assignment(3, TerritoryRole.Primary, 20m, new(2025, 7, 1)), existing, "T");
        TerritoryParticipant.EnsureFits(Assignment(3, TerritoryRole.Overlay, 100m, new(2025, 3, 1)), existing, "T");
        var error = Assert.Throws<DomainException>(() => TerritoryParticipant.EnsureFits(Assignment(3, TerritoryRole.Primary, 20m, new(2025, 3, 1)), existing, "T"));
        Assert.Equal("ASSIGNMENT_SPLIT_TOTAL", error.Code);
        Assert.Contains("110 % on 2025-04-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_outside_0_to_100_and_reversed_dates_are_refused()
    {
        Assert.Equal("ASSIGNMENT_SPLIT", Assert.Throws<DomainException>(() => Assignment(1, TerritoryRole.Primary, 0m, new(2025, 1, 1))).Code);
        Assert.Equal("ASSIGNMENT_SPLIT", Assert.Throws<DomainException>(() => Assignment(1, TerritoryRole.Primary, 100.01m, new(2025, 1, 1))).Code);
        Assert.Equal("ASSIGNMENT_DATES", Assert.Throws<DomainException>(() => Assignment(1, TerritoryRole.Primary, 10m, new(2025, 1, 2), new(2025, 1, 1))).Code);
        Assert.Equal("TERRITORY_DATES", Assert.Throws<DomainException>(() => new Territory(TerritoryId, Tenant, "T", "territory", null, 0, new(2025, 1, 2), new(2025, 1, 1))).Code);
    }

    /// <summary>Records holding lists compare the lists by reference; rules need structural equality.</summary>
    private sealed class RuleComparer : IEqualityComparer<RuleExpression>
    {
        public bool Equals(RuleExpression? x, RuleExpression? y) =>
            TerritoryRuleJson.Write([x!]) == TerritoryRuleJson.Write([y!]);

        public int GetHashCode(RuleExpression obj) => 0;
    }
}
