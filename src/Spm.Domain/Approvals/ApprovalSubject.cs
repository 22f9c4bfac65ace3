namespace Spm.Domain.Approvals;

/// <summary>What is being approved: a kind ("quota", "compPlan", "forecast", "payout", ...) and its id, so one workflow serves all.</summary>
public sealed record ApprovalSubject(string Kind, Guid Id);
