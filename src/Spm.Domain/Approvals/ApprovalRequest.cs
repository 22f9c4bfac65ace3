using Spm.Domain.Common;

namespace Spm.Domain.Approvals;

/// <summary>
/// A request to approve one subject through a chain of approvers (usually the manager chain, nearest first).
/// Immutable: every transition returns a new request, so callers can persist the result or discard it.
/// </summary>
public sealed class ApprovalRequest
{
    private ApprovalRequest(
        ApprovalSubject subject,
        Guid requestedBy,
        IReadOnlyList<Guid> approverChain,
        ApprovalState state,
        int currentStep,
        string? rejectionComment,
        IReadOnlyList<ApprovalEvent> history)
    {
        Subject = subject;
        RequestedBy = requestedBy;
        ApproverChain = approverChain;
        State = state;
        CurrentStep = currentStep;
        RejectionComment = rejectionComment;
        History = history;
    }

    public ApprovalSubject Subject { get; }

    public Guid RequestedBy { get; }

    /// <summary>Approvers in the order they must approve.</summary>
    public IReadOnlyList<Guid> ApproverChain { get; }

    public ApprovalState State { get; }

    /// <summary>Index in <see cref="ApproverChain"/> of the step waiting for a decision; equals the chain length once approved.</summary>
    public int CurrentStep { get; }

    /// <summary>Why it was rejected; set only while <see cref="State"/> is <see cref="ApprovalState.Rejected"/>.</summary>
    public string? RejectionComment { get; }

    public IReadOnlyList<ApprovalEvent> History { get; }

    /// <summary>Who must act next, or null when nobody is waited on.</summary>
    public Guid? CurrentApprover => State == ApprovalState.Submitted ? ApproverChain[CurrentStep] : null;

    /// <summary>Starts a draft. The requester may not sit in the chain: nobody approves their own numbers.</summary>
    public static ApprovalRequest Create(ApprovalSubject subject, Guid requestedBy, IReadOnlyList<Guid> approverChain)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(approverChain);
        if (string.IsNullOrWhiteSpace(subject.Kind))
        {
            throw new DomainException("APPROVAL_SUBJECT_INVALID", "The subject kind must not be empty.");
        }

        if (approverChain.Count == 0)
        {
            throw new DomainException("APPROVAL_CHAIN_EMPTY", "The approver chain is empty; at least one approver is required.");
        }

        if (approverChain.Distinct().Count() != approverChain.Count)
        {
            throw new DomainException("APPROVAL_CHAIN_DUPLICATE", "An approver appears more than once in the chain.");
        }

        if (approverChain.Contains(requestedBy))
        {
            throw new DomainException("APPROVAL_SELF_APPROVAL", $"The requester {requestedBy} cannot also be an approver of the same request.");
        }

        return new ApprovalRequest(subject, requestedBy, approverChain.ToArray(), ApprovalState.Draft, 0, null, []);
    }

    /// <summary>
    /// Rebuilds a request from storage. Checks only what storage could have corrupted; the transitions
    /// that produced the state were checked when they happened.
    /// </summary>
    public static ApprovalRequest Restore(
        ApprovalSubject subject,
        Guid requestedBy,
        IReadOnlyList<Guid> approverChain,
        ApprovalState state,
        int currentStep,
        string? rejectionComment,
        IReadOnlyList<ApprovalEvent> history)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(approverChain);
        ArgumentNullException.ThrowIfNull(history);
        if (approverChain.Count == 0 || currentStep < 0 || currentStep > approverChain.Count || (state != ApprovalState.Approved && currentStep == approverChain.Count))
        {
            throw new InvalidOperationException($"Stored {subject.Kind} approval {subject.Id} is inconsistent: step {currentStep} of {approverChain.Count} while {state}.");
        }

        return new ApprovalRequest(subject, requestedBy, approverChain.ToArray(), state, currentStep, rejectionComment, history.ToArray());
    }

    /// <summary>Draft to Submitted; only the requester (or an admin) submits.</summary>
    public ApprovalRequest Submit(Guid actorId, DateTimeOffset at, bool isAdmin = false)
    {
        EnsureState(ApprovalAction.Submitted, ApprovalState.Draft);
        EnsureRequester(actorId, isAdmin, "submit");
        return With(ApprovalState.Submitted, 0, null, new ApprovalEvent(ApprovalAction.Submitted, actorId, at, null, isAdmin && actorId != RequestedBy, null));
    }

    /// <summary>Submitted back to Draft, e.g. to fix a number before anyone decides; the chain starts over.</summary>
    public ApprovalRequest Withdraw(Guid actorId, DateTimeOffset at, bool isAdmin = false)
    {
        EnsureState(ApprovalAction.Withdrawn, ApprovalState.Submitted);
        EnsureRequester(actorId, isAdmin, "withdraw");
        return With(ApprovalState.Draft, 0, null, new ApprovalEvent(ApprovalAction.Withdrawn, actorId, at, null, isAdmin && actorId != RequestedBy, null));
    }

    /// <summary>Approves the current step; the last step's approval approves the request.</summary>
    public ApprovalRequest Approve(Guid actorId, DateTimeOffset at, bool isAdmin = false, string? comment = null)
    {
        EnsureState(ApprovalAction.Approved, ApprovalState.Submitted);
        var overridden = EnsureCurrentApprover(actorId, isAdmin, "approve");
        var next = CurrentStep + 1;
        var state = next == ApproverChain.Count ? ApprovalState.Approved : ApprovalState.Submitted;
        return With(state, next, null, new ApprovalEvent(ApprovalAction.Approved, actorId, at, CurrentStep, overridden, comment));
    }

    /// <summary>Rejects at the current step; a comment is mandatory so the requester knows what to change.</summary>
    public ApprovalRequest Reject(Guid actorId, DateTimeOffset at, string comment, bool isAdmin = false)
    {
        EnsureState(ApprovalAction.Rejected, ApprovalState.Submitted);
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("APPROVAL_COMMENT_REQUIRED", "A rejection needs a comment explaining why.");
        }

        var overridden = EnsureCurrentApprover(actorId, isAdmin, "reject");
        return With(ApprovalState.Rejected, CurrentStep, comment, new ApprovalEvent(ApprovalAction.Rejected, actorId, at, CurrentStep, overridden, comment));
    }

    /// <summary>Rejected back to Draft so the requester can revise and submit again from the first step.</summary>
    public ApprovalRequest Reopen(Guid actorId, DateTimeOffset at, bool isAdmin = false)
    {
        EnsureState(ApprovalAction.Reopened, ApprovalState.Rejected);
        EnsureRequester(actorId, isAdmin, "reopen");
        return With(ApprovalState.Draft, 0, null, new ApprovalEvent(ApprovalAction.Reopened, actorId, at, null, isAdmin && actorId != RequestedBy, null));
    }

    private ApprovalRequest With(ApprovalState state, int step, string? rejectionComment, ApprovalEvent evt) =>
        new(Subject, RequestedBy, ApproverChain, state, step, rejectionComment, [.. History, evt]);

    private void EnsureState(ApprovalAction action, ApprovalState required)
    {
        if (State != required)
        {
            throw new DomainException(
                "APPROVAL_INVALID_TRANSITION",
                $"Cannot {Verb(action)} a {Subject.Kind} request that is {State}; it must be {required}.");
        }
    }

    private void EnsureRequester(Guid actorId, bool isAdmin, string verb)
    {
        if (actorId != RequestedBy && !isAdmin)
        {
            throw new DomainException("APPROVAL_NOT_ALLOWED", $"Only the requester or an admin may {verb} this request; {actorId} is neither.");
        }
    }

    private bool EnsureCurrentApprover(Guid actorId, bool isAdmin, string verb)
    {
        var expected = ApproverChain[CurrentStep];
        if (actorId == expected)
        {
            return false;
        }

        if (isAdmin)
        {
            return true;
        }

        throw new DomainException(
            "APPROVAL_NOT_ALLOWED",
            $"Step {CurrentStep + 1} of {ApproverChain.Count} waits for {expected}; {actorId} may not {verb} it.");
    }

    private static string Verb(ApprovalAction action) => action switch
    {
        ApprovalAction.Submitted => "submit",
        ApprovalAction.Withdrawn => "withdraw",
        ApprovalAction.Approved => "approve",
        ApprovalAction.Rejected => "reject",
        ApprovalAction.Reopened => "reopen",
        _ => action.ToString(),
    };
}
