using FsCheck;
using FsCheck.Xunit;
using Spm.Domain.Common;
using Spm.Domain.Quotas;

namespace Spm.Domain.Tests.Quotas;

public sealed class AllocatorTests
{
    [Fact]
    public void Hundred_into_three_equal_gives_the_extra_cent_to_the_first()
    {
        // 10000 cents / 3 = 3333 r 1 each; one cent left, all remainders tie, the first child wins it.
        Assert.Equal([33.34m, 33.33m, 33.33m], Allocator.SplitEqually(100.00m, 3, Allocator.Cent));
    }

    [Fact]
    public void Five_cents_into_three()
    {
        // 5 cents / 3 = 1 r 2 each; two cents left go to the first two children.
        Assert.Equal([0.02m, 0.02m, 0.01m], Allocator.SplitEqually(0.05m, 3, Allocator.Cent));
    }

    [Fact]
    public void A_million_and_a_cent_by_weights_one_to_four()
    {
        // 100000001 cents * (1,2,3,4)/10 = 10000000.1, 20000000.2, 30000000.3, 40000000.4;
        // floors sum to 100000000, the one cent left goes to the largest remainder (0.4, the last child).
        Assert.Equal(
            [100000.00m, 200000.00m, 300000.00m, 400000.01m],
            Allocator.Split(1_000_000.01m, [1m, 2m, 3m, 4m], Allocator.Cent));
    }

    [Fact]
    public void Seven_children_with_awkward_weights()
    {
        // 100000 cents * w / 93 for w = 3,7,11,13,17,19,23:
        // 3225.806, 7526.882, 11827.957, 13978.495, 18279.570, 20430.108, 24731.183 -> floors sum 99996.
        // The 4 cents left go to the largest remainders: .957 (11), .882 (7), .806 (3), .570 (17).
        var parts = Allocator.Split(1000.00m, [3m, 7m, 11m, 13m, 17m, 19m, 23m], Allocator.Cent);
        Assert.Equal([32.26m, 75.27m, 118.28m, 139.78m, 182.80m, 204.30m, 247.31m], parts);
        Assert.Equal(1000.00m, parts.Sum());
    }

    [Fact]
    public void Counts_round_to_whole_units()
    {
        // 10 deals / 3 = 3 r 1 each; one deal left goes to the first.
        Assert.Equal([4m, 3m, 3m], Allocator.SplitEqually(10m, 3, Allocator.UnitFor(QuotaType.DealCount)));
    }

    [Fact]
    public void Zero_weights_keep_nothing_and_others_take_all()
    {
        Assert.Equal([0m, 100m, 0m], Allocator.Split(100m, [0m, 5m, 0m], Allocator.Cent));
    }

    [Fact]
    public void Weights_summing_to_zero_are_rejected()
    {
        var ex = Assert.Throws<DomainException>(() => Allocator.Split(100m, [0m, 0m], Allocator.Cent));
        Assert.Equal("ALLOCATION_ZERO_WEIGHTS", ex.Code);
    }

    [Fact]
    public void Negative_weights_are_rejected()
    {
        var ex = Assert.Throws<DomainException>(() => Allocator.Split(100m, [1m, -1m, 2m], Allocator.Cent));
        Assert.Equal("ALLOCATION_NEGATIVE_WEIGHT", ex.Code);
        Assert.Contains("position 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_finer_than_the_unit_is_rejected()
    {
        var ex = Assert.Throws<DomainException>(() => Allocator.Split(100.005m, [1m, 1m], Allocator.Cent));
        Assert.Equal("ALLOCATION_AMOUNT_NOT_IN_UNITS", ex.Code);
    }

    [Fact]
    public void Negative_amounts_mirror_positive_ones()
    {
        Assert.Equal([-33.34m, -33.33m, -33.33m], Allocator.SplitEqually(-100.00m, 3, Allocator.Cent));
    }

    [Fact]
    public void Named_children_keep_their_order_and_duplicates_are_rejected()
    {
        var shares = Allocator.Allocate(90m, [new("b", 1m), new("a", 2m)], Allocator.Cent);
        Assert.Equal([new AllocatedShare("b", 30m), new AllocatedShare("a", 60m)], shares);
        Assert.Throws<DomainException>(() => Allocator.AllocateEqually(90m, ["a", "a"], Allocator.Cent));
    }

    [Property(MaxTest = 500)]
    public void Children_sum_exactly_to_the_parent_and_stay_within_one_unit_of_their_exact_share(
        NonEmptyArray<NonNegativeInt> rawWeights,
        int rawCents,
        bool counts)
    {
        var weights = rawWeights.Get.Select(w => (decimal)w.Get).ToArray();
        if (weights.Sum() == 0)
        {
            weights[0] = 1m;
        }

        var unit = counts ? 1m : 0.01m;
        var amount = rawCents * unit * 137m;
        var parts = Allocator.Split(amount, weights, unit);

        Assert.Equal(amount, parts.Sum());
        var totalWeight = weights.Sum();
        for (var i = 0; i < parts.Count; i++)
        {
            var exact = amount * weights[i] / totalWeight;
            Assert.True(Math.Abs(parts[i] - exact) < unit, $"part {i} = {parts[i]} is not within {unit} of {exact}");
        }
    }
}
