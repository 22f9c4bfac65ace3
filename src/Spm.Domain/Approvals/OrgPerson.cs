namespace Spm.Domain.Approvals;

/// <summary>A participant as the approval rules see it.</summary>
public sealed record OrgPerson(Guid Id, Guid? ManagerId, Guid? TeamId);
