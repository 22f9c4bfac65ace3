namespace Spm.Api.Features.Approvals;

/// <summary>Whose numbers a subject is: a team's or a participant's. Decides the approver chain and who may act.</summary>
public sealed record ApprovalOwner(Guid? TeamId, Guid? ParticipantId);
