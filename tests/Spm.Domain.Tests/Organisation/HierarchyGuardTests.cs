using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Tests.Organisation;

public sealed class HierarchyGuardTests
{
    private static readonly Guid Vp = Guid.CreateVersion7();
    private static readonly Guid Director = Guid.CreateVersion7();
    private static readonly Guid Rep = Guid.CreateVersion7();

    // Rep -> Director -> Vp -> (root)
    private static Guid? ManagerOf(Guid id) => id == Rep ? Director : id == Director ? Vp : null;

    [Fact]
    public void Making_the_vp_report_to_a_rep_below_them_is_a_cycle()
    {
        var vp = NewParticipant(Vp);
        var error = Assert.Throws<DomainException>(() => vp.ReportTo(Rep, ManagerOf));
        Assert.Equal("HIERARCHY_CYCLE", error.Code);
        Assert.Equal("managerId", error.Field);
        Assert.Null(vp.ManagerId);
    }

    [Fact]
    public void Reporting_to_oneself_is_refused()
    {
        var rep = NewParticipant(Rep);
        var error = Assert.Throws<DomainException>(() => rep.ReportTo(Rep, ManagerOf));
        Assert.Contains("its own parent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legal_move_is_applied()
    {
        var rep = NewParticipant(Rep);
        rep.ReportTo(Vp, ManagerOf);
        Assert.Equal(Vp, rep.ManagerId);
    }

    [Fact]
    public void A_team_cannot_move_under_its_own_descendant()
    {
        var root = Guid.CreateVersion7();
        var child = Guid.CreateVersion7();
        var grandChild = Guid.CreateVersion7();
        Guid? ParentOf(Guid id) => id == grandChild ? child : id == child ? root : null;
        var team = new Team(root, Guid.CreateVersion7(), "Sales", null, null);
        var error = Assert.Throws<DomainException>(() => team.MoveUnder(grandChild, ParentOf));
        Assert.Equal("parentTeamId", error.Field);
    }

    [Fact]
    public void An_existing_corrupt_loop_is_reported_instead_of_spinning()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        Guid? Loop(Guid id) => id == a ? b : a;
        var error = Assert.Throws<DomainException>(() => HierarchyGuard.EnsureNoCycle(Guid.CreateVersion7(), a, Loop, "team", "parentTeamId"));
        Assert.Contains("already contains a cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Participant_input_is_validated_with_field_names()
    {
        var tenant = Guid.CreateVersion7();
        Assert.Equal("email", Assert.Throws<DomainException>(() => new Participant(Rep, tenant, "Ann", "not-an-email", ParticipantRole.Rep, new DateOnly(2024, 1, 1), "USD")).Field);
        Assert.Equal("payCurrency", Assert.Throws<DomainException>(() => new Participant(Rep, tenant, "Ann", "ann@example.com", ParticipantRole.Rep, new DateOnly(2024, 1, 1), "usd")).Field);
        Assert.Equal("name", Assert.Throws<DomainException>(() => new Participant(Rep, tenant, "  ", "ann@example.com", ParticipantRole.Rep, new DateOnly(2024, 1, 1), "USD")).Field);
        Assert.Equal("ann@example.com", new Participant(Rep, tenant, "Ann", " Ann@Example.com ", ParticipantRole.Rep, new DateOnly(2024, 1, 1), "USD").Email);
    }

    private static Participant NewParticipant(Guid id) =>
        new(id, Guid.CreateVersion7(), "Someone", $"{id:N}@example.com", ParticipantRole.Rep, new DateOnly(2024, 1, 1), "USD");
}
