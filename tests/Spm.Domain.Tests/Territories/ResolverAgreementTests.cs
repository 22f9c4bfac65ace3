using Spm.Domain.Territories;

namespace Spm.Domain.Tests.Territories;

public sealed class ResolverAgreementTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2025)]
    public void Compiled_resolver_agrees_exactly_with_the_naive_one(int seed)
    {
        var gen = new RandomTerritories(seed);
        var hierarchy = TerritoryHierarchy.Create(gen.Territories(regions: 4, areasPerRegion: 3, leavesPerArea: 5));
        var accounts = Enumerable.Range(0, 3_000).Select(gen.Account).ToArray();
        var overrides = accounts.Where((_, i) => i % 97 == 0).Select((a, i) => new AccountOverride(a.AccountId, hierarchy.All.ElementAt(i % hierarchy.All.Count).Id)).ToArray();
        // Exclusions on other accounts, pointing at leaves and at areas, so skipping a subtree is exercised too.
        var exclusions = accounts.Where((_, i) => i % 13 == 0).Select((a, i) => new AccountExclusion(a.AccountId, hierarchy.All.ElementAt((i * 7) % hierarchy.All.Count).Id)).ToArray();
        var day = new DateOnly(2025, 3, 1);

        var fast = TerritoryResolver.Compile(hierarchy, day, overrides, exclusions);
        var naive = new NaiveTerritoryResolver(hierarchy, day, overrides, exclusions);

        var assigned = 0;
        foreach (var account in accounts)
        {
            var expected = naive.Resolve(account);
            var actual = fast.Resolve(account);
            Assert.Equal(expected.TerritoryId, actual.TerritoryId);
            Assert.Equal(expected.Path, actual.Path);
            Assert.Equal(expected.ByOverride, actual.ByOverride);
            Assert.Equal(naive.MatchingLeaves(account), fast.MatchingLeaves(account));
            assigned += actual.TerritoryId is null ? 0 : 1;
        }

        // Agreement on "nobody matches" alone would prove little; most seeds also leave some accounts unassigned.
        Assert.True(assigned >= 300, $"only {assigned} accounts assigned");
    }
}
