using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>
/// Everything territory resolution needs for one tenant on one date, loaded in one consistent read and compiled once.
/// Immutable and shared between requests and threads.
/// </summary>
public sealed class TerritorySnapshot
{
    private readonly Dictionary<Guid, List<TerritoryParticipant>> assignmentsByTerritory;

    public TerritorySnapshot(Guid tenantId, DateOnly asOf, long revision, IReadOnlyList<Territory> territories, IReadOnlyList<TerritoryOverride> overrides, IReadOnlyList<TerritoryParticipant> assignments)
    {
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(assignments);
        TenantId = tenantId;
        AsOf = asOf;
        Revision = revision;
        Territories = territories;
        ById = territories.ToDictionary(t => t.Id);
        Overrides = overrides;
        Assignments = assignments;
        Hierarchy = TerritoryHierarchy.Create(territories.Select(t => t.Definition()));
        Resolver = TerritoryResolver.Compile(
            Hierarchy,
            asOf,
            overrides.Where(o => o.Kind == OverrideKind.Include).Select(o => new AccountOverride(o.AccountId, o.TerritoryId)),
            overrides.Where(o => o.Kind == OverrideKind.Exclude).Select(o => new AccountExclusion(o.AccountId, o.TerritoryId)));
        assignmentsByTerritory = assignments.GroupBy(a => a.TerritoryId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Role).ThenByDescending(a => a.SplitPercent).ThenBy(a => a.Id).ToList());
    }

    public Guid TenantId { get; }

    public DateOnly AsOf { get; }

    public long Revision { get; }

    /// <summary>Every territory of the tenant, whatever its dates.</summary>
    public IReadOnlyList<Territory> Territories { get; }

    public IReadOnlyDictionary<Guid, Territory> ById { get; }

    public IReadOnlyList<TerritoryOverride> Overrides { get; }

    public IReadOnlyList<TerritoryParticipant> Assignments { get; }

    public TerritoryHierarchy Hierarchy { get; }

    public TerritoryResolver Resolver { get; }

    /// <summary>Every assignment of a territory (any dates), primaries first.</summary>
    public IReadOnlyList<TerritoryParticipant> AssignmentsOf(Guid territoryId) =>
        assignmentsByTerritory.TryGetValue(territoryId, out var list) ? list : [];

    /// <summary>Owners of a resolved path on the snapshot's date, deepest territory first.</summary>
    public IReadOnlyList<TerritoryOwner> OwnersOf(IReadOnlyList<Guid> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var owners = new List<TerritoryOwner>();
        for (var i = path.Count - 1; i >= 0; i--)
        {
            foreach (var a in AssignmentsOf(path[i]))
            {
                if (a.IsActiveOn(AsOf))
                {
                    owners.Add(new TerritoryOwner(a.Id, a.ParticipantId, a.TerritoryId, a.Role, a.SplitPercent));
                }
            }
        }

        return owners;
    }

    public AccountOwnership Own(AccountAttributes account)
    {
        var assignment = Resolver.Resolve(account);
        return new AccountOwnership(account.AccountId, assignment.TerritoryId, assignment.Path, assignment.ByOverride, OwnersOf(assignment.Path));
    }
}
