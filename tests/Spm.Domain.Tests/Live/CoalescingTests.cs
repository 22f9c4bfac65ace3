using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Domain.Quotas;

namespace Spm.Domain.Tests.Live;

public sealed class CoalescingTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    [Fact]
    public void A_single_deal_is_its_own_celebration()
    {
        var deal = Deal("a", 10m);
        Assert.Same(deal, SaleCelebration.Burst([deal], listed: 5));
    }

    [Fact]
    public void A_burst_is_headed_by_the_largest_deal_the_earliest_of_equals_and_lists_the_rest_largest_first_up_to_the_limit()
    {
        // Arrival order: a 300, b 700, c 700, d 50, e 300. Largest is 700; b came before c, so b heads.
        // The rest by amount, ties in arrival order: c 700, a 300, e 300, d 50; listed = 3 keeps c, a, e; all 4 counted.
        var burst = SaleCelebration.Burst([Deal("a", 300m), Deal("b", 700m), Deal("c", 700m), Deal("d", 50m), Deal("e", 300m)], listed: 3);

        Assert.Equal("b", burst.ParticipantName);
        Assert.Equal(["c", "a", "e"], burst.AlsoLanded!.Select(d => d.ParticipantName));
        Assert.Equal(4, burst.AlsoLandedCount);
    }

    [Fact]
    public void Attainment_keeps_the_last_state_of_each_total_with_the_first_previous_value()
    {
        var rep = Guid.NewGuid();
        var team = Guid.NewGuid();
        var month = Guid.NewGuid();
        var changes = new[]
        {
            Change(AttainmentScope.Participant, rep, month, previous: 0m, credited: 100m),
            Change(AttainmentScope.Team, team, month, previous: 1_000m, credited: 1_100m),
            Change(AttainmentScope.Participant, rep, month, previous: 100m, credited: 250m),
            Change(AttainmentScope.Participant, rep, month, previous: 250m, credited: 260m),
        };

        var latest = AttainmentChanged.LatestOfEach(changes);

        // Two totals, in order of first appearance: the rep moved 0 -> 260 in the batch, the team 1,000 -> 1,100.
        Assert.Equal([(AttainmentScope.Participant, 0m, 260m), (AttainmentScope.Team, 1_000m, 1_100m)], latest.Select(c => (c.Scope, c.PreviousCredited, c.Credited)));
        Assert.Equal(changes[3].EventId, latest[0].EventId);
    }

    private static SaleCelebration Deal(string name, decimal amount) =>
        new(Tenant, Guid.NewGuid(), Guid.NewGuid(), name, amount, "USD", null, new DateOnly(2026, 11, 23), DateTimeOffset.UnixEpoch);

    private static AttainmentChanged Change(AttainmentScope scope, Guid id, Guid period, decimal previous, decimal credited) =>
        new(Guid.NewGuid(), Tenant, DateTimeOffset.UnixEpoch, scope, id, period, QuotaType.Revenue, credited, previous, 1_000m, credited / 10m, "USD");
}
