using Spm.Domain.Common;

namespace Spm.Domain.Organisation;

/// <summary>Refuses parent links that would close a loop in a tree (teams, manager chains).</summary>
public static class HierarchyGuard
{
    // Deeper than any real organisation; stops a corrupt chain from looping forever.
    private const int MaxDepth = 10_000;

    /// <param name="node">The node getting a new parent.</param>
    /// <param name="newParent">The proposed parent; null (a root) is always fine.</param>
    /// <param name="parentOf">The current parent of any node.</param>
    /// <param name="what">Hierarchy name used in the message ("team", "manager").</param>
    /// <param name="field">Input field named in the error.</param>
    public static void EnsureNoCycle(Guid node, Guid? newParent, Func<Guid, Guid?> parentOf, string what, string field)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        var current = newParent;
        for (var depth = 0; current is { } ancestor; depth++)
        {
            if (ancestor == node)
            {
                throw new DomainException(
                    "HIERARCHY_CYCLE",
                    newParent == node
                        ? $"A {what} cannot be its own parent."
                        : $"Setting this {what} would create a cycle: {node} is already above {newParent}.",
                    field);
            }

            if (depth > MaxDepth)
            {
                throw new DomainException("HIERARCHY_CYCLE", $"The existing {what} hierarchy already contains a cycle.", field);
            }

            current = parentOf(ancestor);
        }
    }
}
