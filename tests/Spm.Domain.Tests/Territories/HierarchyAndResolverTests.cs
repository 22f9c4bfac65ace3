using Spm.Domain.Common;
using Spm.Domain.Territories;
using static Spm.Domain.Tests.Territories.TerritoryFixtures;

namespace Spm.Domain.Tests.Territories;

public sealed class HierarchyAndResolverTests
{
    // West (US, CA/OR/WA) > NorCal (CA) > { Bay Area (94, 95), Sacramento (956-958) at lower priority }, Pacific NW (OR/WA);
    // East (US, NY) > Metro (no rule: whatever its children cover) > Manhattan (100);
    // Named accounts (no rule): explicit overrides only.
    private static TerritoryHierarchy Sample(DateOnly? bayAreaEnds = null) => TerritoryHierarchy.Create(
    [
        Territory(1, new AllOfRule([new EqualsRule("country", "US"), new InListRule("region", ["CA", "OR", "WA"])])),
        Territory(10, new EqualsRule("region", "CA"), parent: 1),
        Territory(100, new PostalPrefixRule(["94", "95"]), parent: 10, priority: 2, to: bayAreaEnds),
        Territory(101, new PostalPrefixRule(["956", "957", "958"]), parent: 10, priority: 1),
        Territory(11, new InListRule("region", ["OR", "WA"]), parent: 1),
        Territory(2, new EqualsRule("region", "NY"), priority: 1),
        Territory(20, null, parent: 2),
        Territory(200, new PostalPrefixRule(["100"]), parent: 20),
        Territory(3, null, priority: 9),
    ]);

    [Fact]
    public void Resolves_the_path_per_level_and_respects_sibling_priority()
    {
        var resolver = TerritoryResolver.Compile(Sample(), Day);

        // 95814 matches Bay Area (95) and Sacramento (958); Sacramento has the lower priority number, so it wins.
        var sacramento = resolver.Resolve(Account(1, postal: "95814"));
        Assert.Equal(Id(101), sacramento.TerritoryId);
        Assert.Equal([Id(1), Id(10), Id(101)], sacramento.Path);

        Assert.Equal([Id(1), Id(10), Id(100)], resolver.Resolve(Account(2, postal: "94105")).Path);
        Assert.Equal([Id(1), Id(11)], resolver.Resolve(Account(3, region: "WA", postal: "98101")).Path);
        Assert.Equal([Id(2), Id(20), Id(200)], resolver.Resolve(Account(4, region: "NY", postal: "10001")).Path);
        Assert.Equal([Id(1), Id(10), Id(100)], resolver.Resolve(Account(6, postal: "95112")).Path);
    }

    [Fact]
    public void An_exclusion_sends_the_account_to_the_next_match_and_an_excluded_area_skips_its_whole_subtree()
    {
        // 95814 matches Sacramento (101, priority 1) then Bay Area (100); excluding 101 leaves Bay Area.
        AccountExclusion[] exclusions = [new(Id(1), Id(101)), new(Id(2), Id(10))];
        foreach (ITerritoryResolver resolver in new ITerritoryResolver[] { TerritoryResolver.Compile(Sample(), Day, exclusions: exclusions), new NaiveTerritoryResolver(Sample(), Day, exclusions: exclusions) })
        {
            Assert.Equal(Id(100), resolver.Resolve(Account(1, postal: "95814")).TerritoryId);
            Assert.Equal([Id(100)], resolver.MatchingLeaves(Account(1, postal: "95814")));

            // Excluding the NorCal area removes both of its leaves; nothing else in West matches a CA account.
            Assert.Null(resolver.Resolve(Account(2, postal: "95814")).TerritoryId);

            // Another account with the same attributes is not affected.
            Assert.Equal(Id(101), resolver.Resolve(Account(3, postal: "95814")).TerritoryId);
        }
    }

    [Fact]
    public void An_account_no_leaf_matches_is_unassigned_even_if_a_parent_rule_matches()
    {
        var resolver = TerritoryResolver.Compile(Sample(), Day);
        var lostInCalifornia = resolver.Resolve(Account(5, postal: "90210"));
        Assert.Null(lostInCalifornia.TerritoryId);
        Assert.Empty(lostInCalifornia.Path);
    }

    [Fact]
    public void Overrides_beat_rules_and_dormant_overrides_fall_back_to_rules()
    {
        var hierarchy = TerritoryHierarchy.Create(
        [
            .. Sample().All,
            Territory(4, new EqualsRule("country", "US"), priority: 99, to: new DateOnly(2024, 12, 31)),
        ]);
        AccountOverride[] overrides = [new(Id(1), Id(3)), new(Id(2), Id(4))];
        var resolver = TerritoryResolver.Compile(hierarchy, Day, overrides);

        var named = resolver.Resolve(Account(1, postal: "94105"));
        Assert.Equal(Id(3), named.TerritoryId);
        Assert.True(named.ByOverride);
        Assert.Equal([Id(3)], named.Path);

        // Territory 4 ended last year: its override is dormant and the rules decide.
        var fallback = resolver.Resolve(Account(2, postal: "94105"));
        Assert.Equal(Id(100), fallback.TerritoryId);
        Assert.False(fallback.ByOverride);
    }

    [Fact]
    public void Duplicate_and_unknown_overrides_are_rejected()
    {
        Assert.Equal("TERRITORY_OVERRIDE_DUPLICATE", Assert.Throws<DomainException>(() =>
            TerritoryResolver.Compile(Sample(), Day, [new(Id(1), Id(3)), new(Id(1), Id(100))])).Code);
        Assert.Equal("TERRITORY_UNKNOWN", Assert.Throws<DomainException>(() =>
            TerritoryResolver.Compile(Sample(), Day, [new(Id(1), Id(999))])).Code);
    }

    [Fact]
    public void Effective_dates_decide_which_territories_are_in_force()
    {
        var hierarchy = Sample(bayAreaEnds: new DateOnly(2025, 6, 30));
        var account = Account(1, postal: "94105");

        Assert.Equal(Id(100), TerritoryResolver.Compile(hierarchy, new DateOnly(2025, 6, 30)).Resolve(account).TerritoryId);
        Assert.Null(TerritoryResolver.Compile(hierarchy, new DateOnly(2025, 7, 1)).Resolve(account).TerritoryId);

        // Before a parent starts, its children are not in force either.
        var future = TerritoryHierarchy.Create([Territory(1, null, from: new DateOnly(2026, 1, 1)), Territory(2, new EqualsRule("country", "US"), parent: 1)]);
        Assert.Null(TerritoryResolver.Compile(future, Day).Resolve(account).TerritoryId);
        Assert.Equal(Id(2), TerritoryResolver.Compile(future, new DateOnly(2026, 1, 1)).Resolve(account).TerritoryId);
    }

    [Fact]
    public void A_cycle_is_reported_with_the_territories_in_it()
    {
        var ex = Assert.Throws<DomainException>(() => TerritoryHierarchy.Create(
        [
            Territory(1, null, parent: 3),
            Territory(2, null, parent: 1),
            Territory(3, null, parent: 2),
            Territory(4, null),
        ]));
        Assert.Equal("TERRITORY_CYCLE", ex.Code);
        Assert.Equal("The territory hierarchy has a cycle: 'T1' -> 'T3' -> 'T2' -> 'T1'.", ex.Message);
    }

    [Fact]
    public void Unknown_parents_duplicates_and_inverted_dates_are_rejected()
    {
        Assert.Equal("TERRITORY_UNKNOWN_PARENT", Assert.Throws<DomainException>(() => TerritoryHierarchy.Create([Territory(1, null, parent: 7)])).Code);
        Assert.Equal("TERRITORY_DUPLICATE", Assert.Throws<DomainException>(() => TerritoryHierarchy.Create([Territory(1, null), Territory(1, null)])).Code);
        Assert.Equal("TERRITORY_DATES", Assert.Throws<DomainException>(() =>
            TerritoryHierarchy.Create([Territory(1, null, from: new DateOnly(2025, 2, 1), to: new DateOnly(2025, 1, 1))])).Code);
    }

    [Fact]
    public void Coverage_finds_gaps_and_same_level_overlaps_but_not_overridden_accounts()
    {
        var resolver = TerritoryResolver.Compile(Sample(), Day, [new(Id(9), Id(3))]);
        AccountAttributes[] accounts =
        [
            Account(1, postal: "94105"), // Bay Area only
            Account(2, postal: "95814"), // Bay Area and Sacramento: overlap at level 2 only (same area and region)
            Account(3, postal: "90210"), // CA but no leaf: gap
            Account(4, country: "DE", region: "BY"), // nothing: gap
            Account(9, postal: "95814"), // overlapping, but overridden: settled
        ];

        var report = TerritoryCoverage.Check(resolver, accounts);

        Assert.Equal([Id(3), Id(4)], report.Unassigned);
        var overlap = Assert.Single(report.Overlaps);
        Assert.Equal(Id(2), overlap.AccountId);
        Assert.Equal(2, overlap.Level);
        Assert.Equal([Id(101), Id(100)], overlap.TerritoryIds);
    }
}
