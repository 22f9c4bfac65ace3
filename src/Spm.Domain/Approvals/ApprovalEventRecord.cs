namespace Spm.Domain.Approvals;

/// <summary>One stored entry of an approval request's history (append-only).</summary>
public sealed class ApprovalEventRecord
{
    public ApprovalEventRecord(int sequence, ApprovalAction action, Guid actorId, string actorName, DateTimeOffset at, int? step, bool adminOverride, string? comment)
    {
        Sequence = sequence;
        Action = action;
        ActorId = actorId;
        ActorName = actorName;
        At = at;
        Step = step;
        AdminOverride = adminOverride;
        Comment = comment;
    }

    /// <summary>0-based order within the request.</summary>
    public int Sequence { get; private set; }

    public ApprovalAction Action { get; private set; }

    /// <summary>The acting participant (empty for a caller who is not a participant, e.g. an admin client).</summary>
    public Guid ActorId { get; private set; }

    /// <summary>The token subject of the actor, for the audit trail.</summary>
    public string ActorName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int? Step { get; private set; }

    public bool AdminOverride { get; private set; }

    public string? Comment { get; private set; }

    public ApprovalEvent ToEvent() => new(Action, ActorId, At, Step, AdminOverride, Comment);
}
