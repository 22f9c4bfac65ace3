namespace Spm.Domain.Approvals;

/// <summary>One step of a stored approval request: who must decide, and what they decided in the current round.</summary>
public sealed class ApprovalStepRecord
{
    public ApprovalStepRecord(int step, Guid approverId)
    {
        Step = step;
        ApproverId = approverId;
    }

    /// <summary>0-based position in the chain.</summary>
    public int Step { get; private set; }

    /// <summary>The participant expected to decide this step.</summary>
    public Guid ApproverId { get; private set; }

    /// <summary>Approved or Rejected; null while undecided (reset when the request is submitted again).</summary>
    public ApprovalAction? Decision { get; private set; }

    /// <summary>Who actually decided: the approver, or an admin overriding.</summary>
    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Comment { get; private set; }

    public bool AdminOverride { get; private set; }

    internal void Decide(ApprovalEvent evt)
    {
        Decision = evt.Action;
        DecidedBy = evt.ActorId;
        DecidedAt = evt.At;
        Comment = evt.Comment;
        AdminOverride = evt.AdminOverride;
    }

    internal void Reset()
    {
        Decision = null;
        DecidedBy = null;
        DecidedAt = null;
        Comment = null;
        AdminOverride = false;
    }
}
