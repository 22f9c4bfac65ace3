using Spm.Domain.Crediting;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// The participants and manager chains of one tenant, loaded once per crediting run and answered from memory
/// (the engine asks once per credited rep). Implements both lookups the engine needs from the organisation.
/// </summary>
/// <remarks>
/// A participant's manager is their own <c>manager_id</c> when set; otherwise the manager of their team, or of
/// the nearest team above it whose manager is someone else (a team's manager sits in the team they manage).
/// The organisation tables are not effective-dated yet, so the chain is today's whatever the date asked for;
/// when reorganisations get dates, only <see cref="ManagersAbove"/> changes.
/// </remarks>
public sealed class OrganisationSnapshot : IParticipantDirectory, IManagerChainLookup
{
    private readonly Dictionary<Guid, CreditParticipant> participants;
    private readonly Dictionary<Guid, Guid> managerOf;
    private readonly Dictionary<Guid, IReadOnlyList<Guid>> chains = [];
    private readonly Dictionary<Guid, Guid[]> teamChains = [];
    private readonly Lock gate = new();

    public OrganisationSnapshot(IEnumerable<Member> members, IEnumerable<TeamNode> teams)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(teams);
        var teamById = teams.ToDictionary(t => t.Id);
        var list = members.ToList();
        participants = list.ToDictionary(m => m.Id, m => new CreditParticipant(m.Id, m.Name, m.PayCurrency));
        managerOf = [];
        foreach (var member in list)
        {
            if (DirectManager(member, teamById) is { } manager)
            {
                managerOf[member.Id] = manager;
            }

            if (member.TeamId is { } teamId)
            {
                teamChains[member.Id] = TeamChain(teamId, teamById);
            }
        }
    }

    /// <summary>The participant's team and every team above it, nearest first; empty when in no team.</summary>
    public IReadOnlyList<Guid> TeamsOf(Guid participantId) => teamChains.TryGetValue(participantId, out var chain) ? chain : [];

    /// <summary>How many participants the tenant has.</summary>
    public int Count => participants.Count;

    public CreditParticipant? Find(Guid participantId) => participants.GetValueOrDefault(participantId);

    public IReadOnlyList<Guid> ManagersAbove(Guid participantId, DateOnly onDate)
    {
        lock (gate)
        {
            if (chains.TryGetValue(participantId, out var cached))
            {
                return cached;
            }

            var chain = new List<Guid>();
            var seen = new HashSet<Guid> { participantId };
            var current = participantId;
            // A cycle cannot be stored (triggers refuse it), but stop at one rather than loop if it ever were.
            while (managerOf.TryGetValue(current, out var manager) && seen.Add(manager) && chain.Count <= CreditingEngine.MaxManagerChainDepth)
            {
                chain.Add(manager);
                current = manager;
            }

            chains[participantId] = chain;
            return chain;
        }
    }

    /// <summary>Every participant under <paramref name="managerId"/> at any depth, and the manager.</summary>
    public IReadOnlySet<Guid> Subtree(Guid managerId)
    {
        var result = new HashSet<Guid> { managerId };
        foreach (var id in participants.Keys)
        {
            if (ManagersAbove(id, DateOnly.MinValue).Contains(managerId))
            {
                result.Add(id);
            }
        }

        return result;
    }

    private static Guid[] TeamChain(Guid teamId, Dictionary<Guid, TeamNode> teams)
    {
        var chain = new List<Guid>();
        Guid? current = teamId;
        // Cycles are refused by triggers; the depth bound only keeps a corrupt row from looping.
        while (current is { } id && chain.Count <= CreditingEngine.MaxManagerChainDepth && !chain.Contains(id))
        {
            chain.Add(id);
            current = teams.TryGetValue(id, out var team) ? team.ParentTeamId : null;
        }

        return [.. chain];
    }

    private static Guid? DirectManager(Member member, Dictionary<Guid, TeamNode> teams)
    {
        if (member.ManagerId is { } direct)
        {
            return direct;
        }

        var teamId = member.TeamId;
        var depth = 0;
        while (teamId is { } id && teams.TryGetValue(id, out var team) && depth++ < CreditingEngine.MaxManagerChainDepth)
        {
            if (team.ManagerId is { } manager && manager != member.Id)
            {
                return manager;
            }

            teamId = team.ParentTeamId;
        }

        return null;
    }

    /// <summary>What the snapshot needs of a participant row.</summary>
    public sealed record Member(Guid Id, string Name, string PayCurrency, Guid? ManagerId, Guid? TeamId);

    /// <summary>What the snapshot needs of a team row.</summary>
    public sealed record TeamNode(Guid Id, Guid? ParentTeamId, Guid? ManagerId);
}
