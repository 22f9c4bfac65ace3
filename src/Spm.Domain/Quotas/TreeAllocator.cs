using Spm.Domain.Common;

namespace Spm.Domain.Quotas;

/// <summary>Pushes an amount down a tree of any depth, level by level, so every parent equals the sum of its children.</summary>
public static class TreeAllocator
{
    /// <summary>
    /// Gives <paramref name="amount"/> to <paramref name="root"/> and splits each node's amount among its children.
    /// Results are in pre-order (parent before children, children in the given order).
    /// </summary>
    public static IReadOnlyList<AllocatedNode> Allocate(decimal amount, AllocationNode root, decimal unit, AllocationBasis basis = AllocationBasis.Weighted)
    {
        ArgumentNullException.ThrowIfNull(root);
        var result = new List<AllocatedNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Explicit stack rather than recursion: org trees are shallow, but a malformed deep one must not blow the stack.
        var stack = new Stack<(AllocationNode Node, string? ParentId, int Depth, decimal Amount)>();
        stack.Push((root, null, 0, amount));
        while (stack.Count > 0)
        {
            var (node, parentId, depth, nodeAmount) = stack.Pop();
            if (!seen.Add(node.Id))
            {
                throw new DomainException("ALLOCATION_DUPLICATE_CHILD", $"Node '{node.Id}' appears more than once in the tree.");
            }

            result.Add(new AllocatedNode(node.Id, parentId, depth, nodeAmount));
            if (node.Children.Count == 0)
            {
                continue;
            }

            var parts = basis == AllocationBasis.Equal
                ? Allocator.SplitEqually(nodeAmount, node.Children.Count, unit)
                : SplitChildren(node, nodeAmount, unit);
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], node.Id, depth + 1, parts[i]));
            }
        }

        return result;
    }

    private static IReadOnlyList<decimal> SplitChildren(AllocationNode node, decimal amount, decimal unit)
    {
        try
        {
            return Allocator.Split(amount, node.Children.Select(c => c.Weight).ToArray(), unit);
        }
        catch (DomainException ex)
        {
            // Say which parent failed; in a deep tree the bare message would not say where to look.
            throw new DomainException(ex.Code, $"Cannot split the amount of '{node.Id}' among its children: {ex.Message}");
        }
    }
}
