namespace Spm.Domain.Approvals;

/// <summary>A team as the approval rules see it.</summary>
public sealed record OrgTeam(Guid Id, Guid? ParentId, Guid? ManagerId);
