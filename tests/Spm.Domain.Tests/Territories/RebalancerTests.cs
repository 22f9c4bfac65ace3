using Spm.Domain.Common;
using Spm.Domain.Territories;
using static Spm.Domain.Tests.Territories.TerritoryFixtures;

namespace Spm.Domain.Tests.Territories;

public sealed class RebalancerTests
{
    private static readonly Guid North = Id(1);
    private static readonly Guid South = Id(2);

    // North holds 9 accounts of potential 10 (90), South 1 (10).
    private static RebalanceUnit[] NinetyTen() =>
        [
            .. Enumerable.Range(1, 9).Select(i => new RebalanceUnit($"n{i}", North, 10m, 1, [Id(100 + i)])),
            new RebalanceUnit("s1", South, 10m, 1, [Id(200)]),
        ];

    [Fact]
    public void Ninety_ten_becomes_fifty_fifty_with_the_first_units_moved()
    {
        // Each move of 10 potential / 1 account from North to South lowers the objective while North is ahead by more
        // than one unit: 90/10 -> 80/20 -> 70/30 -> 60/40 -> 50/50; a fifth move would just swap the imbalance.
        // All units are equal, so ties go to the earlier units n1..n4.
        var proposal = Rebalancer.Propose([North, South], NinetyTen(), new RebalanceOptions());

        Assert.Equal(
            [
                new UnitMove("n1", North, South, 10m, 1),
                new UnitMove("n2", North, South, 10m, 1),
                new UnitMove("n3", North, South, 10m, 1),
                new UnitMove("n4", North, South, 10m, 1),
            ],
            proposal.Moves);
        Assert.Equal(
            [new MetricBalance(BalanceMetric.Potential, 0.8m, 0m), new MetricBalance(BalanceMetric.AccountCount, 0.8m, 0m)],
            proposal.Balance);
        Assert.Equal([50m, 50m], proposal.After.Select(t => t.Potential));
    }

    [Fact]
    public void A_minimum_gain_keeps_accounts_with_their_owner_when_the_gain_is_small()
    {
        // Objective = CV(potential)^2 with only potential weighted: 0.64 at 90/10. The first move (to 80/20, CV 0.6)
        // gains 0.64 - 0.36 = 0.28; the fourth (60/40 -> 50/50) only 0.04 - 0 = 0.04. A 0.05 minimum stops before it.
        var proposal = Rebalancer.Propose([North, South], NinetyTen(), new RebalanceOptions(WorkloadWeight: 0m, MinimumGain: 0.05m));

        Assert.Equal(["n1", "n2", "n3"], proposal.Moves.Select(m => m.UnitKey));
        Assert.Equal(0.2m, proposal.Balance[0].After);

        var none = Rebalancer.Propose([North, South], NinetyTen(), new RebalanceOptions(MinimumGain: 10m));
        Assert.Empty(none.Moves);
    }

    [Fact]
    public void Postal_code_groups_move_whole()
    {
        RebalanceAccount[] accounts =
        [
            new(Id(1), North, "1000", 30m),
            new(Id(2), North, "1000", 30m),
            new(Id(3), North, "2000", 20m),
            new(Id(4), South, "3000", 20m),
        ];
        var units = Rebalancer.UnitsByPostalCode(accounts);
        Assert.Equal(3, units.Count);

        // Potential only: 80/20. Moving "1000" (60) gives 20/80, no better; moving "2000" (20) gives 60/40, better.
        var proposal = Rebalancer.Propose([North, South], units, new RebalanceOptions(WorkloadWeight: 0m));
        var move = Assert.Single(proposal.Moves);
        Assert.StartsWith("2000@", move.UnitKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_input_gives_the_same_proposal()
    {
        var (siblings, units) = RandomBook(seed: 7, territories: 12, accounts: 3_000);
        var first = Rebalancer.Propose(siblings, units, new RebalanceOptions(MinimumGain: 0.000001m));
        var second = Rebalancer.Propose(siblings, units, new RebalanceOptions(MinimumGain: 0.000001m));

        Assert.NotEmpty(first.Moves);
        Assert.Equal(first.Moves, second.Moves);
        Assert.Equal(first.Balance, second.Balance);
        Assert.All(first.Balance, b => Assert.True(b.After < b.Before, $"{b.Metric}: {b.Before} -> {b.After}"));
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        Assert.Equal("TERRITORY_REBALANCE_SIBLINGS", Assert.Throws<DomainException>(() => Rebalancer.Propose([North], [], new RebalanceOptions())).Code);
        Assert.Equal("TERRITORY_UNKNOWN", Assert.Throws<DomainException>(() =>
            Rebalancer.Propose([North, South], [new RebalanceUnit("x", Id(3), 1m, 1, [])], new RebalanceOptions())).Code);
        Assert.Equal("TERRITORY_REBALANCE_WEIGHTS", Assert.Throws<DomainException>(() =>
            Rebalancer.Propose([North, South], NinetyTen(), new RebalanceOptions(0m, 0m))).Code);
    }

    [Fact]
    public void A_skewed_book_more_than_halves_its_imbalance()
    {
        // The 100,000-account / 200-territory timing lives in ./spm bench planning; here only the result, small.
        var (siblings, units) = RandomBook(seed: 11, territories: 20, accounts: 5_000);
        var proposal = Rebalancer.Propose(siblings, units, new RebalanceOptions(MinimumGain: 0.00001m));
        Assert.All(proposal.Balance, b => Assert.True(b.After < b.Before / 2, $"{b.Metric}: {b.Before} -> {b.After}"));
        Assert.Equal(units.Sum(u => u.Potential), proposal.After.Sum(t => t.Potential));
    }

    internal static (Guid[] Siblings, IReadOnlyList<RebalanceUnit> Units) RandomBook(int seed, int territories, int accounts)
    {
        var random = new Random(seed);
        var siblings = Enumerable.Range(1, territories).Select(Id).ToArray();

        // Skewed ownership: low-numbered territories hold far more accounts, as after years of ad-hoc assignment.
        var rows = Enumerable.Range(0, accounts).Select(i =>
        {
            var t = (int)(territories * Math.Pow(random.NextDouble(), 2));
            return new RebalanceAccount(Id(1_000_000 + i), siblings[t], $"{random.Next(100_000):00000}", random.Next(1, 1000));
        });
        return (siblings, Rebalancer.UnitsByAccount(rows));
    }
}
