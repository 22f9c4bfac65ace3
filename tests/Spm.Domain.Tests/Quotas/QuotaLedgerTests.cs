using Spm.Domain.Common;
using Spm.Domain.Quotas;

namespace Spm.Domain.Tests.Quotas;

public sealed class QuotaLedgerTests
{
    private static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private static readonly Guid Year = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid M1 = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid M2 = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly DateTimeOffset At = new(2027, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private static QuotaActor Actor(string reason)
    {
        var n = 1000;
        return new QuotaActor("tester", null, At, reason, () => new Guid(n++, 0, 0, new byte[8]));
    }

    private static Quota NewQuota(QuotaSubjectKind kind, Guid subject, Guid period, decimal amount)
    {
        var quota = new Quota(Guid.NewGuid(), Tenant, null, period, kind, subject, QuotaType.Revenue, "EUR", false);
        quota.Change(amount, null, QuotaChangeAction.Allocated, Actor("seed"), created: true);
        return quota;
    }

    [Fact]
    public void An_adjustment_resplits_in_proportion_and_moves_the_team_by_the_same_difference()
    {
        // Rep: year 300 = 100 + 200; team: year 900 = 300 + 600. Rep's year to 450 re-splits 1 : 2 -> 150 + 300;
        // the team moves by +150 for the year, +50 in month 1 and +100 in month 2.
        var rep = Guid.NewGuid();
        var team = Guid.NewGuid();
        var repQuotas = new[] { NewQuota(QuotaSubjectKind.Participant, rep, Year, 300m), NewQuota(QuotaSubjectKind.Participant, rep, M1, 100m), NewQuota(QuotaSubjectKind.Participant, rep, M2, 200m) };
        var teamQuotas = new[] { NewQuota(QuotaSubjectKind.Team, team, Year, 900m), NewQuota(QuotaSubjectKind.Team, team, M1, 300m), NewQuota(QuotaSubjectKind.Team, team, M2, 600m) };
        var parents = new Dictionary<Guid, Guid?> { [Year] = null, [M1] = Year, [M2] = Year };

        var changes = QuotaLedger.Adjust(repQuotas[0], 450m, parents, repQuotas, [teamQuotas], Actor("bigger patch"));

        Assert.Equal([450m, 150m, 300m], repQuotas.Select(q => q.Amount));
        Assert.Equal([1050m, 350m, 700m], teamQuotas.Select(q => q.Amount));
        Assert.Equal(6, changes.Count);
        var adjusted = changes.Single(c => c.Action == QuotaChangeAction.Adjusted);
        Assert.Equal((300m, 450m, "bigger patch"), (adjusted.OldAmount!.Value, adjusted.NewAmount, adjusted.Reason!));
        Assert.Equal(3, changes.Count(c => c.Action == QuotaChangeAction.RolledUp));
    }

    [Fact]
    public void Adjusting_a_month_moves_its_year_and_team_and_refuses_a_negative_amount()
    {
        var rep = Guid.NewGuid();
        var repQuotas = new[] { NewQuota(QuotaSubjectKind.Participant, rep, Year, 300m), NewQuota(QuotaSubjectKind.Participant, rep, M1, 100m), NewQuota(QuotaSubjectKind.Participant, rep, M2, 200m) };
        var parents = new Dictionary<Guid, Guid?> { [Year] = null, [M1] = Year, [M2] = Year };
        QuotaLedger.Adjust(repQuotas[1], 80.5m, parents, repQuotas, [], Actor("less"));
        Assert.Equal([280.5m, 80.5m, 200m], repQuotas.Select(q => q.Amount));

        var ex = Assert.Throws<DomainException>(() => QuotaLedger.Adjust(repQuotas[1], -1m, parents, repQuotas, [], Actor("x")));
        Assert.Equal(("QUOTA_NEGATIVE", "amount"), (ex.Code, ex.Field!));
        Assert.Equal(80.5m, repQuotas[1].Amount);
    }

    [Fact]
    public void Reapplying_the_same_allocation_writes_no_history()
    {
        var rep = Guid.NewGuid();
        var allocated = new[] { new AllocatedQuota(QuotaSubjectKind.Participant, rep, M1, 10m, false, null) };
        var first = QuotaLedger.ApplyAllocation(Tenant, Guid.NewGuid(), QuotaType.Revenue, "EUR", [], allocated, Actor("a"));
        Assert.Single(first.Created);
        Assert.Single(first.Changes);
        var second = QuotaLedger.ApplyAllocation(Tenant, Guid.NewGuid(), QuotaType.Revenue, "EUR", first.Created, allocated, Actor("b"));
        Assert.Empty(second.Created);
        Assert.Empty(second.Changes);
    }
}
