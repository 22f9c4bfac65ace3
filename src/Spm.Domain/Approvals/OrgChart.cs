namespace Spm.Domain.Approvals;

/// <summary>
/// The team hierarchy and manager chains, for deciding who approves what: approval climbs the manager
/// chain, and a manager may act only on their subtree (teams they manage, directly or higher up, and
/// people who report to them, directly or not).
/// </summary>
public sealed class OrgChart
{
    // Deeper than any real organisation; stops a corrupt chain from looping forever.
    private const int MaxDepth = 1_000;

    private readonly Dictionary<Guid, OrgTeam> teams;
    private readonly Dictionary<Guid, OrgPerson> people;

    public OrgChart(IEnumerable<OrgTeam> teams, IEnumerable<OrgPerson> people)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(people);
        this.teams = teams.ToDictionary(t => t.Id);
        this.people = people.ToDictionary(p => p.Id);
    }

    public OrgTeam? Team(Guid id) => teams.GetValueOrDefault(id);

    public OrgPerson? Person(Guid id) => people.GetValueOrDefault(id);

    /// <summary>The participant's manager, their manager, and so on up to the top.</summary>
    public IReadOnlyList<Guid> ManagersAbove(Guid participantId)
    {
        var chain = new List<Guid>();
        var current = people.GetValueOrDefault(participantId)?.ManagerId;
        while (current is { } id && chain.Count < MaxDepth && !chain.Contains(id))
        {
            chain.Add(id);
            current = people.GetValueOrDefault(id)?.ManagerId;
        }

        return chain;
    }

    /// <summary>The team and its ancestors, nearest first.</summary>
    public IReadOnlyList<Guid> TeamAndAncestors(Guid teamId)
    {
        var chain = new List<Guid>();
        Guid? current = teamId;
        while (current is { } id && teams.ContainsKey(id) && chain.Count < MaxDepth && !chain.Contains(id))
        {
            chain.Add(id);
            current = teams[id].ParentId;
        }

        return chain;
    }

    /// <summary>
    /// Who approves a team's numbers: the managers above the team's manager; for a team without a manager,
    /// the nearest manager of a team above it, then the managers above them.
    /// </summary>
    public IReadOnlyList<Guid> ApproversForTeam(Guid teamId)
    {
        foreach (var id in TeamAndAncestors(teamId))
        {
            if (teams[id].ManagerId is { } manager)
            {
                return id == teamId ? ManagersAbove(manager) : [manager, .. ManagersAbove(manager)];
            }
        }

        return [];
    }

    /// <summary>Who approves a participant's numbers: their manager chain.</summary>
    public IReadOnlyList<Guid> ApproversForParticipant(Guid participantId) => ManagersAbove(participantId);

    /// <summary>True when <paramref name="managerId"/> manages the team or a team above it, or sits above its manager.</summary>
    public bool ManagesTeam(Guid managerId, Guid teamId) =>
        TeamAndAncestors(teamId).Any(t => teams[t].ManagerId == managerId)
        || (teams.GetValueOrDefault(teamId)?.ManagerId is { } teamManager && ManagersAbove(teamManager).Contains(managerId));

    /// <summary>True when <paramref name="managerId"/> is above the participant in the manager chain or manages their team.</summary>
    public bool ManagesParticipant(Guid managerId, Guid participantId) =>
        participantId != managerId
        && (ManagersAbove(participantId).Contains(managerId)
            || (people.GetValueOrDefault(participantId)?.TeamId is { } team && ManagesTeam(managerId, team)));

    /// <summary>The team and every team below it.</summary>
    public IReadOnlySet<Guid> TeamSubtree(Guid teamId)
    {
        var result = new HashSet<Guid>();
        var children = teams.Values.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        var stack = new Stack<Guid>();
        stack.Push(teamId);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (result.Add(id))
            {
                foreach (var child in children[id])
                {
                    stack.Push(child.Id);
                }
            }
        }

        return result;
    }
}
