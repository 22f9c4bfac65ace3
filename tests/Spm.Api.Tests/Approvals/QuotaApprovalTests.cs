using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Quotas;
using Spm.Domain.Quotas;
using static Spm.Api.Tests.Quotas.PlanningOrg;

namespace Spm.Api.Tests.Approvals;

public sealed class QuotaApprovalTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Submit = "mutation($q: ID!) { submitQuotas(input: { quotaId: $q }) { quotaCount approvalRequest { id state title currentApprover { name } steps { approver { name } } } errors { code message field } } }";
    private const string Approve = "mutation($a: ID!, $c: String) { approveQuotas(input: { approvalRequestId: $a, comment: $c }) { quotaCount approvalRequest { state steps { decision adminOverride comment } } errors { code message field } } }";
    private const string Reject = "mutation($a: ID!, $c: String) { rejectQuotas(input: { approvalRequestId: $a, comment: $c }) { quotaCount approvalRequest { state rejectionComment } errors { code message field } } }";
    private const string Adjust = "mutation($q: ID!, $a: String!, $r: String!) { adjustQuota(input: { quotaId: $q, amount: $a, reason: $r }) { quota { amount status } changedQuotas { id } errors { code message field } } }";

    [Fact]
    public async Task Submit_reject_with_comment_adjust_resubmit_and_approve_climbs_the_manager_chain()
    {
        var (org, year) = await AllocatedAsync();
        var nora = org.As(fixture, "manager", org.Nora);
        var vic = org.As(fixture, "manager", org.Vp);
        var northYear = await QuotaIdAsync(org, year, "Team", org.North);

        var submitted = (await nora.DataAsync(Submit, new { q = northYear }))["submitQuotas"]!;
        AssertNoErrors(submitted);
        // North (1 team + 3 reps + 1 overlay) x 17 periods.
        Assert.Equal(5 * 17, submitted["quotaCount"]!.GetValue<int>());
        Assert.Equal("SUBMITTED", submitted["approvalRequest"]!["state"]!.GetValue<string>());
        Assert.Equal("Vic", submitted["approvalRequest"]!["currentApprover"]!["name"]!.GetValue<string>());
        Assert.Equal("FY2027 Revenue quotas of North", submitted["approvalRequest"]!["title"]!.GetValue<string>());
        var requestId = submitted["approvalRequest"]!["id"]!.GetValue<string>();
        Assert.Equal(85, await CountAsync(org, QuotaStatus.Submitted));

        // While submitted the numbers are frozen.
        var frozen = (await nora.DataAsync(Adjust, new { q = await QuotaIdAsync(org, year, "Participant", org.Reps["N1"]), a = "1.00", r = "try" }))["adjustQuota"]!;
        Assert.Equal(("QUOTA_PENDING_APPROVAL", "input.quotaId"), SingleError(frozen));

        // Rejecting needs a comment.
        var bare = (await vic.DataAsync(Reject, new { a = requestId, c = "  " }))["rejectQuotas"]!;
        Assert.Equal(("APPROVAL_COMMENT_REQUIRED", "input.comment"), SingleError(bare));
        Assert.Equal(85, await CountAsync(org, QuotaStatus.Submitted));

        var rejected = (await vic.DataAsync(Reject, new { a = requestId, c = "N3 is carrying too little" }))["rejectQuotas"]!;
        AssertNoErrors(rejected);
        Assert.Equal("REJECTED", rejected["approvalRequest"]!["state"]!.GetValue<string>());
        Assert.Equal("N3 is carrying too little", rejected["approvalRequest"]!["rejectionComment"]!.GetValue<string>());
        Assert.Equal(85, await CountAsync(org, QuotaStatus.Rejected));

        var adjusted = (await nora.DataAsync(Adjust, new { q = await QuotaIdAsync(org, year, "Participant", org.Reps["N3"]), a = "200000.00", r = "Per Vic's comment" }))["adjustQuota"]!;
        AssertNoErrors(adjusted);
        Assert.Equal("DRAFT", adjusted["quota"]!["status"]!.GetValue<string>());

        var again = (await nora.DataAsync(Submit, new { q = northYear }))["submitQuotas"]!;
        AssertNoErrors(again);
        var secondId = again["approvalRequest"]!["id"]!.GetValue<string>();
        var approved = (await vic.DataAsync(Approve, new { a = secondId, c = "Thanks" }))["approveQuotas"]!;
        AssertNoErrors(approved);
        Assert.Equal("APPROVED", approved["approvalRequest"]!["state"]!.GetValue<string>());
        var step = Assert.Single(approved["approvalRequest"]!["steps"]!.AsArray())!;
        Assert.Equal(("APPROVED", false, "Thanks"), (step["decision"]!.GetValue<string>(), step["adminOverride"]!.GetValue<bool>(), step["comment"]!.GetValue<string>()));
        Assert.Equal(85, await CountAsync(org, QuotaStatus.Approved));

        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(2, await db.ApprovalRequests.CountAsync());
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "quota.reject"));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "quota.approve"));
        // N3's year quota: allocated, submitted, rejected, adjusted, submitted, approved.
        var n3 = await db.Quotas.SingleAsync(q => q.ParticipantId == org.Reps["N3"] && q.PeriodId == db.Periods.Single(p => p.FiscalYear == 2027 && p.Kind == Spm.Domain.Organisation.PeriodKind.FiscalYear).Id);
        var actions = await db.QuotaChanges.Where(h => h.QuotaId == n3.Id).OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.Action).ToListAsync();
        Assert.Equal([QuotaChangeAction.Allocated, QuotaChangeAction.Submitted, QuotaChangeAction.Rejected, QuotaChangeAction.Adjusted, QuotaChangeAction.Submitted, QuotaChangeAction.Approved], actions);
    }

    [Fact]
    public async Task A_manager_outside_the_subtree_is_refused_and_an_admin_may_approve_anywhere()
    {
        var (org, year) = await AllocatedAsync();
        var requestId = await SubmitNorthAsync(org, year);

        var sam = org.As(fixture, "manager", org.Sam);
        var outside = (await sam.DataAsync(Approve, new { a = requestId, c = (string?)null }))["approveQuotas"]!;
        Assert.Equal(("APPROVAL_NOT_ALLOWED", "input.approvalRequestId"), SingleError(outside));

        // Nora manages North but is the requester, not the approver at step 1.
        var nora = org.As(fixture, "manager", org.Nora);
        var own = (await nora.DataAsync(Approve, new { a = requestId, c = (string?)null }))["approveQuotas"]!;
        Assert.Equal(("APPROVAL_NOT_ALLOWED", "input.approvalRequestId"), SingleError(own));
        Assert.Equal(85, await CountAsync(org, QuotaStatus.Submitted));

        var admin = org.Admin(fixture);
        var byAdmin = (await admin.DataAsync(Approve, new { a = requestId, c = "ops sign-off" }))["approveQuotas"]!;
        AssertNoErrors(byAdmin);
        Assert.Equal("APPROVED", byAdmin["approvalRequest"]!["state"]!.GetValue<string>());
        Assert.True(byAdmin["approvalRequest"]!["steps"]![0]!["adminOverride"]!.GetValue<bool>());
        Assert.Equal(85, await CountAsync(org, QuotaStatus.Approved));
    }

    [Fact]
    public async Task A_rep_cannot_approve_submit_or_adjust()
    {
        var (org, year) = await AllocatedAsync();
        var requestId = await SubmitNorthAsync(org, year);
        var rep = org.As(fixture, "rep", org.Reps["N1"]);

        var approve = await rep.QueryAsync(Approve, new { a = requestId, c = (string?)null });
        Assert.NotEmpty(approve["errors"]!.AsArray());
        Assert.Null(approve["data"]?["approveQuotas"]);
        var adjust = await rep.QueryAsync(Adjust, new { q = await QuotaIdAsync(org, year, "Participant", org.Reps["N1"]), a = "1.00", r = "more please" });
        Assert.NotEmpty(adjust["errors"]!.AsArray());
        Assert.Equal(85, await CountAsync(org, QuotaStatus.Submitted));
    }

    [Fact]
    public async Task A_bottom_up_adjustment_resplits_its_periods_and_rolls_up_to_every_team_above()
    {
        var (org, year) = await AllocatedAsync();
        var admin = org.Admin(fixture);
        var before = await AllocationTests.YearAmountsAsync(admin, year);
        var nora = org.As(fixture, "manager", org.Nora);
        var n2 = await QuotaIdAsync(org, year, "Participant", org.Reps["N2"]);

        var target = before["N2"] + 1234.56m;
        var payload = (await nora.DataAsync(Adjust, new { q = n2, a = target.ToString(System.Globalization.CultureInfo.InvariantCulture), r = "Bigger territory" }))["adjustQuota"]!;
        AssertNoErrors(payload);
        var after = await AllocationTests.YearAmountsAsync(admin, year);
        Assert.Equal(before["N2"] + 1234.56m, after["N2"]);
        Assert.Equal(before["North"] + 1234.56m, after["North"]);
        Assert.Equal(before["Company"] + 1234.56m, after["Company"]);
        Assert.Equal(before["South"], after["South"]);
        Assert.Equal(before["N1"], after["N1"]);

        // The quarters and months of N2, North and Company still add up, and every one of them has a history row.
        await using var db = fixture.CreateContext(org.TenantId);
        var periods = await db.Periods.Where(p => p.FiscalYear == 2027).ToListAsync();
        var quotas = await db.Quotas.Where(q => q.Type == QuotaType.Revenue && !q.IsOverlay).ToListAsync();
        foreach (var group in quotas.GroupBy(q => q.SubjectId))
        {
            foreach (var quota in group)
            {
                var children = periods.Where(p => p.ParentId == quota.PeriodId).Select(p => p.Id).ToHashSet();
                if (children.Count > 0)
                {
                    Assert.Equal(quota.Amount, group.Where(q => children.Contains(q.PeriodId)).Sum(q => q.Amount));
                }
            }
        }

        var adjusted = await db.QuotaChanges.SingleAsync(h => h.Action == QuotaChangeAction.Adjusted);
        Assert.Equal((before["N2"], target, "Bigger territory", org.Nora), (adjusted.OldAmount!.Value, adjusted.NewAmount, adjusted.Reason!, adjusted.ActorParticipantId!.Value));
        // N2's 4 quarters and 12 months re-split, North's and Company's year, quarters and months rolled up (where they moved).
        Assert.Equal(16, await db.QuotaChanges.CountAsync(h => h.Action == QuotaChangeAction.Resplit));
        Assert.True(await db.QuotaChanges.CountAsync(h => h.Action == QuotaChangeAction.RolledUp) >= 2);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "quota.adjust"));
    }

    [Theory]
    [InlineData("-100.00", "QUOTA_NEGATIVE", "input.amount")]
    [InlineData("12abc", "NOT_A_NUMBER", "input.amount")]
    [InlineData("10.001", "QUOTA_PRECISION", "input.amount")]
    public async Task A_bad_adjustment_is_refused_naming_the_field_and_writes_nothing(string amount, string code, string field)
    {
        var (org, year) = await AllocatedAsync();
        var nora = org.As(fixture, "manager", org.Nora);
        var payload = (await nora.DataAsync(Adjust, new { q = await QuotaIdAsync(org, year, "Participant", org.Reps["N2"]), a = amount, r = "typo" }))["adjustQuota"]!;
        Assert.Equal((code, field), SingleError(payload));
        await using var db = fixture.CreateContext(org.TenantId);
        Assert.Equal(187, await db.QuotaChanges.CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action == "quota.adjust"));
    }

    [Fact]
    public async Task A_manager_cannot_adjust_outside_their_subtree_nor_a_team_total()
    {
        var (org, year) = await AllocatedAsync();
        var sam = org.As(fixture, "manager", org.Sam);
        var outside = (await sam.DataAsync(Adjust, new { q = await QuotaIdAsync(org, year, "Participant", org.Reps["N1"]), a = "1.00", r = "x" }))["adjustQuota"]!;
        Assert.Equal(("APPROVAL_NOT_ALLOWED", "input.quotaId"), SingleError(outside));
        var team = (await sam.DataAsync(Adjust, new { q = await QuotaIdAsync(org, year, "Team", org.South), a = "1.00", r = "x" }))["adjustQuota"]!;
        Assert.Equal(("QUOTA_ADJUST_TEAM", "input.quotaId"), SingleError(team));
    }

    private async Task<(PlanningOrg Org, string Year)> AllocatedAsync()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var planId = await org.CreatePlanAsync(fixture);
        var admin = org.Admin(fixture);
        var payload = (await admin.DataAsync("mutation($p: ID!) { allocateQuotas(input: { planId: $p }) { errors { code message } } }", new { p = planId }))["allocateQuotas"]!;
        AssertNoErrors(payload);
        return (org, await AllocationTests.YearIdAsync(admin));
    }

    private async Task<string> SubmitNorthAsync(PlanningOrg org, string year)
    {
        var submitted = (await org.As(fixture, "manager", org.Nora).DataAsync(Submit, new { q = await QuotaIdAsync(org, year, "Team", org.North) }))["submitQuotas"]!;
        AssertNoErrors(submitted);
        return submitted["approvalRequest"]!["id"]!.GetValue<string>();
    }

    private async Task<string> QuotaIdAsync(PlanningOrg org, string period, string type, Guid subject) =>
        (await org.Admin(fixture).DataAsync("query($p: ID!, $s: ID!) { quotas(first: 5, periodId: $p, subjectId: $s, overlay: false) { nodes { id } } }", new { p = period, s = Id(type, subject) }))["quotas"]!["nodes"]![0]!["id"]!.GetValue<string>();

    private async Task<int> CountAsync(PlanningOrg org, QuotaStatus status)
    {
        await using var db = fixture.CreateContext(org.TenantId);
        return await db.Quotas.CountAsync(q => q.Status == status);
    }
}
