using Spm.Domain.Approvals;

namespace Spm.Domain.Tests.Approvals;

public sealed class OrgChartTests
{
    private static readonly Guid Company = G(1), Region = G(2), Pod = G(3), Other = G(4);
    private static readonly Guid Vp = G(11), Director = G(12), Rep = G(13), OtherManager = G(14);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");

    private static OrgChart Chart() => new(
        [new(Company, null, Vp), new(Region, Company, Director), new(Pod, Region, null), new(Other, Company, OtherManager)],
        [new(Vp, null, Company), new(Director, Vp, Region), new(Rep, Director, Pod), new(OtherManager, Vp, Other)]);

    [Fact]
    public void Approvers_climb_the_manager_chain_and_a_team_without_a_manager_starts_with_the_nearest_one_above()
    {
        var chart = Chart();
        Assert.Equal([Vp], chart.ApproversForTeam(Region));
        Assert.Equal([Director, Vp], chart.ApproversForTeam(Pod));
        Assert.Equal([Director, Vp], chart.ApproversForParticipant(Rep));
        Assert.Empty(chart.ApproversForTeam(Company));
    }

    [Fact]
    public void A_manager_acts_only_in_their_subtree()
    {
        var chart = Chart();
        Assert.True(chart.ManagesTeam(Director, Pod));
        Assert.True(chart.ManagesTeam(Vp, Pod));
        Assert.False(chart.ManagesTeam(OtherManager, Pod));
        Assert.True(chart.ManagesParticipant(Director, Rep));
        Assert.False(chart.ManagesParticipant(OtherManager, Rep));
        Assert.False(chart.ManagesParticipant(Rep, Rep));
        Assert.Equal(new HashSet<Guid> { Region, Pod }, chart.TeamSubtree(Region));
    }
}
