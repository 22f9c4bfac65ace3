namespace Spm.Domain.Quotas;

/// <summary>A node of the team (or territory) tree a quota is pushed down; the weight is relative to its siblings.</summary>
public sealed record AllocationNode(string Id, decimal Weight, IReadOnlyList<AllocationNode> Children)
{
    public AllocationNode(string id, decimal weight)
        : this(id, weight, [])
    {
    }
}
