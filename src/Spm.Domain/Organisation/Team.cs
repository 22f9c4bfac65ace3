using Spm.Domain.Common;

namespace Spm.Domain.Organisation;

/// <summary>A node of the team hierarchy (any depth), with an optional manager.</summary>
public sealed class Team : ITenantOwned
{
    public Team(Guid id, Guid tenantId, string name, Guid? parentTeamId, Guid? managerId)
    {
        Id = id;
        TenantId = tenantId;
        Name = Guard.NotBlank(name, nameof(name), 200);
        ParentTeamId = parentTeamId;
        ManagerId = managerId;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; }

    public Guid? ParentTeamId { get; private set; }

    public Guid? ManagerId { get; private set; }

    /// <summary>Moves the team under <paramref name="parentTeamId"/>, refusing a cycle.</summary>
    public void MoveUnder(Guid? parentTeamId, Func<Guid, Guid?> parentOf)
    {
        HierarchyGuard.EnsureNoCycle(Id, parentTeamId, parentOf, "team", "parentTeamId");
        ParentTeamId = parentTeamId;
    }

    public void SetManager(Guid? managerId) => ManagerId = managerId;
}
