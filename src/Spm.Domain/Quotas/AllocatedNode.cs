namespace Spm.Domain.Quotas;

/// <summary>The amount a node of the tree received; a parent's amount is exactly the sum of its children's.</summary>
public sealed record AllocatedNode(string Id, string? ParentId, int Depth, decimal Amount);
