using Spm.Domain.Approvals;
using Spm.Domain.Common;

namespace Spm.Domain.Tests.Approvals;

public sealed class ApprovalRequestTests
{
    private static readonly Guid Rep = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Manager = new("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Director = new("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Admin = new("00000000-0000-0000-0000-0000000000ad");
    private static readonly DateTimeOffset At = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ApprovalRequest NewQuotaRequest() =>
        ApprovalRequest.Create(new ApprovalSubject("quota", Guid.Empty), Rep, [Manager, Director]);

    [Fact]
    public void Climbs_the_chain_in_order_and_ends_approved()
    {
        var request = NewQuotaRequest().Submit(Rep, At);
        Assert.Equal(ApprovalState.Submitted, request.State);
        Assert.Equal(Manager, request.CurrentApprover);

        request = request.Approve(Manager, At.AddHours(1));
        Assert.Equal(ApprovalState.Submitted, request.State);
        Assert.Equal(Director, request.CurrentApprover);

        request = request.Approve(Director, At.AddHours(2), comment: "ok");
        Assert.Equal(ApprovalState.Approved, request.State);
        Assert.Null(request.CurrentApprover);
        Assert.Equal(
            [ApprovalAction.Submitted, ApprovalAction.Approved, ApprovalAction.Approved],
            request.History.Select(e => e.Action));
        Assert.Equal([null, 0, 1], request.History.Select(e => e.Step));
    }

    [Fact]
    public void Only_the_current_steps_approver_may_decide()
    {
        var request = NewQuotaRequest().Submit(Rep, At);

        var skip = Assert.Throws<DomainException>(() => request.Approve(Director, At));
        Assert.Equal("APPROVAL_NOT_ALLOWED", skip.Code);
        Assert.Throws<DomainException>(() => request.Approve(Rep, At));
        Assert.Throws<DomainException>(() => request.Reject(Director, At, "no"));
    }

    [Fact]
    public void An_admin_may_override_and_the_history_says_so()
    {
        var request = NewQuotaRequest().Submit(Rep, At).Approve(Admin, At, isAdmin: true);

        Assert.Equal(Director, request.CurrentApprover);
        Assert.True(request.History[^1].AdminOverride);
        Assert.Equal(Admin, request.History[^1].ActorId);
    }

    [Fact]
    public void Rejection_needs_a_comment_and_can_be_reopened_and_resubmitted_from_the_first_step()
    {
        var submitted = NewQuotaRequest().Submit(Rep, At).Approve(Manager, At);

        var noComment = Assert.Throws<DomainException>(() => submitted.Reject(Director, At, "  "));
        Assert.Equal("APPROVAL_COMMENT_REQUIRED", noComment.Code);

        var rejected = submitted.Reject(Director, At, "Q3 too low for this territory");
        Assert.Equal(ApprovalState.Rejected, rejected.State);
        Assert.Equal("Q3 too low for this territory", rejected.RejectionComment);

        var resubmitted = rejected.Reopen(Rep, At).Submit(Rep, At);
        Assert.Equal(Manager, resubmitted.CurrentApprover);
        Assert.Null(resubmitted.RejectionComment);
    }

    [Fact]
    public void Invalid_transitions_are_refused_with_a_clear_error()
    {
        var draft = NewQuotaRequest();
        var ex = Assert.Throws<DomainException>(() => draft.Approve(Manager, At));
        Assert.Equal("APPROVAL_INVALID_TRANSITION", ex.Code);
        Assert.Equal("Cannot approve a quota request that is Draft; it must be Submitted.", ex.Message);

        var approved = draft.Submit(Rep, At).Approve(Manager, At).Approve(Director, At);
        Assert.Throws<DomainException>(() => approved.Reject(Director, At, "late"));
        Assert.Throws<DomainException>(() => approved.Submit(Rep, At));
        Assert.Throws<DomainException>(() => draft.Reopen(Rep, At));
    }

    [Fact]
    public void Only_the_requester_or_an_admin_submits_or_withdraws()
    {
        var draft = NewQuotaRequest();
        Assert.Throws<DomainException>(() => draft.Submit(Manager, At));
        var submitted = draft.Submit(Admin, At, isAdmin: true);
        Assert.True(submitted.History[0].AdminOverride);
        Assert.Equal(ApprovalState.Draft, submitted.Withdraw(Rep, At).State);
    }

    [Fact]
    public void The_chain_must_be_non_empty_distinct_and_exclude_the_requester()
    {
        var subject = new ApprovalSubject("payout", Guid.Empty);
        Assert.Equal("APPROVAL_CHAIN_EMPTY", Assert.Throws<DomainException>(() => ApprovalRequest.Create(subject, Rep, [])).Code);
        Assert.Equal("APPROVAL_CHAIN_DUPLICATE", Assert.Throws<DomainException>(() => ApprovalRequest.Create(subject, Rep, [Manager, Manager])).Code);
        Assert.Equal("APPROVAL_SELF_APPROVAL", Assert.Throws<DomainException>(() => ApprovalRequest.Create(subject, Rep, [Rep, Manager])).Code);
    }

    [Fact]
    public void Transitions_do_not_change_the_original()
    {
        var draft = NewQuotaRequest();
        _ = draft.Submit(Rep, At);
        Assert.Equal(ApprovalState.Draft, draft.State);
        Assert.Empty(draft.History);
    }
}
