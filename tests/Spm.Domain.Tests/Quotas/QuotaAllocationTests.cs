using Spm.Domain.Common;
using Spm.Domain.Quotas;

namespace Spm.Domain.Tests.Quotas;

public sealed class QuotaAllocationTests
{
    private static readonly Guid Root = G(1), T1 = G(2), T2 = G(3), A = G(11), B = G(12), C = G(13), O = G(14);
    private static readonly Guid Jan = G(101), Feb = G(102), Q1 = G(110);
    private static readonly DateOnly Veteran = new(2020, 1, 1);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");

    private static decimal Amount(IReadOnlyList<AllocatedQuota> result, Guid subject, Guid period, bool overlay = false) =>
        result.Single(q => q.SubjectId == subject && q.PeriodId == period && q.IsOverlay == overlay).Amount;

    [Fact]
    public void An_awkward_month_over_seven_equal_sellers_sums_to_the_cent()
    {
        // 100.00 = 10,000 cents / 7 = 1,428.57...: seven floors of 14.28 leave 4 cents for the first four (ties by order).
        var carriers = Enumerable.Range(0, 7).Select(i => new QuotaCarrier(G(200 + i), T1, Veteran, 1m)).ToList();
        var result = QuotaAllocation.Allocate(new([new(T1, null)], carriers, [new(Jan, new(2027, 1, 1), 100.00m)], [], [], Allocator.Cent));
        Assert.Equal([14.29m, 14.29m, 14.29m, 14.29m, 14.28m, 14.28m, 14.28m], carriers.Select(c => Amount(result, c.ParticipantId, Jan)));
        Assert.Equal(100.00m, Amount(result, T1, Jan));
    }

    [Fact]
    public void Teams_weigh_what_is_below_them_and_quarters_are_sums_of_months()
    {
        // Root > T1 (A, B) and T2 (C): weights 2 : 1. January 100.00 -> T1 66.67 (remainder .67 takes the cent), T2 33.33;
        // T1's 66.67 -> A 33.34, B 33.33. February 50.00 -> T1 33.33, T2 16.67 (remainder .67); T1 -> A 16.67, B 16.66.
        var result = QuotaAllocation.Allocate(new(
            [new(Root, null), new(T1, Root), new(T2, Root)],
            [new(A, T1, Veteran, 1m), new(B, T1, Veteran, 1m), new(C, T2, Veteran, 1m)],
            [new(Jan, new(2027, 1, 1), 100.00m), new(Feb, new(2027, 2, 1), 50.00m)],
            [new(Q1, [Jan, Feb])],
            [],
            Allocator.Cent));
        Assert.Equal((66.67m, 33.33m, 33.34m, 33.33m, 33.33m), (Amount(result, T1, Jan), Amount(result, T2, Jan), Amount(result, A, Jan), Amount(result, B, Jan), Amount(result, C, Jan)));
        Assert.Equal((33.33m, 16.67m, 16.67m, 16.66m), (Amount(result, T1, Feb), Amount(result, T2, Feb), Amount(result, A, Feb), Amount(result, B, Feb)));
        Assert.Equal(150.00m, Amount(result, Root, Q1));
        Assert.Equal(100.00m, Amount(result, T1, Q1));
        Assert.Equal(50.01m, Amount(result, A, Q1));
    }

    [Fact]
    public void A_new_hire_weighs_their_ramp_percentage_and_nothing_before_the_hire_month()
    {
        // B is hired 2027-02-20 with ramp [50 %]: January only A (90.00); February weights 1 : 0.5 -> A 60.00, B 30.00.
        var result = QuotaAllocation.Allocate(new(
            [new(T1, null)],
            [new(A, T1, Veteran, 1m), new(B, T1, new(2027, 2, 20), 1m)],
            [new(Jan, new(2027, 1, 1), 90.00m), new(Feb, new(2027, 2, 1), 90.00m)],
            [],
            [0.5m],
            Allocator.Cent));
        Assert.Equal((90.00m, 0m), (Amount(result, A, Jan), Amount(result, B, Jan)));
        Assert.Equal((60.00m, 30.00m), (Amount(result, A, Feb), Amount(result, B, Feb)));
        Assert.Equal(0m, result.Single(q => q.SubjectId == B && q.PeriodId == Jan).RampPercentage);
        Assert.Equal(0.5m, result.Single(q => q.SubjectId == B && q.PeriodId == Feb).RampPercentage);
    }

    [Fact]
    public void An_overlay_carries_a_share_of_its_team_outside_the_split()
    {
        // T1 gets all 33.33; the overlay carries half: 16.665 rounds half away from zero to 16.67, and A still gets 33.33.
        var result = QuotaAllocation.Allocate(new(
            [new(T1, null)],
            [new(A, T1, Veteran, 1m), new(O, T1, Veteran, 1m, IsOverlay: true)],
            [new(Jan, new(2027, 1, 1), 33.33m)],
            [],
            [],
            Allocator.Cent,
            OverlayShare: 0.5m));
        Assert.Equal(33.33m, Amount(result, A, Jan));
        Assert.Equal(16.67m, Amount(result, O, Jan, overlay: true));
    }

    [Fact]
    public void A_month_nobody_carries_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => QuotaAllocation.Allocate(new(
            [new(T1, null)], [new(A, T1, new(2027, 3, 1), 1m)], [new(Jan, new(2027, 1, 1), 10.00m)], [], [], Allocator.Cent)));
        Assert.Equal("ALLOCATION_ZERO_WEIGHTS", ex.Code);
        Assert.Contains("2027-01-01", ex.Message, StringComparison.Ordinal);
    }
}
