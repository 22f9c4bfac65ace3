namespace Spm.Domain.Approvals;

/// <summary>One entry of a request's history. <see cref="Step"/> is the chain position acted on, when the action is a decision.</summary>
public sealed record ApprovalEvent(
    ApprovalAction Action,
    Guid ActorId,
    DateTimeOffset At,
    int? Step,
    bool AdminOverride,
    string? Comment);
