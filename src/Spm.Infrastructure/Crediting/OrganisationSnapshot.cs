using Npgsql;
using Spm.Domain.Crediting;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// The participants, teams and manager chains of one tenant, loaded once (<see cref="LoadAsync"/>) and answered from
/// memory: the crediting engine's two organisation lookups, and the "whose numbers may I see" questions of
/// visibility (sales, earnings, live streams), so every part of the API walks the organisation the same way.
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
    private readonly Dictionary<Guid, TeamNode> teamById;
    private readonly Lock gate = new();

    public OrganisationSnapshot(IEnumerable<Member> members, IEnumerable<TeamNode> teams)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(teams);
        teamById = teams.ToDictionary(t => t.Id);
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

    /// <summary>Reads the tenant's participants and teams (two queries).</summary>
    public static async Task<OrganisationSnapshot> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, CancellationToken cancellationToken)
    {
        var members = new List<Member>();
        await using (var command = new NpgsqlCommand("SELECT id, name, pay_currency, manager_id, team_id FROM participants WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                members.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2).Trim(), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4)));
            }
        }

        var teams = new List<TeamNode>();
        await using (var command = new NpgsqlCommand("SELECT id, parent_team_id, manager_id FROM teams WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                teams.Add(new(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
            }
        }

        return new OrganisationSnapshot(members, teams);
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

    /// <summary>The teams <paramref name="managerId"/> manages and every team below them.</summary>
    public IReadOnlySet<Guid> TeamsLedBy(Guid managerId)
    {
        var result = teamById.Values.Where(t => t.ManagerId == managerId).Select(t => t.Id).ToHashSet();
        // Grow downwards until nothing new is added; bounded by the number of teams, so a cycle cannot loop.
        for (var added = true; added;)
        {
            added = false;
            foreach (var team in teamById.Values.Where(t => t.ParentTeamId is { } parent && result.Contains(parent)))
            {
                added |= result.Add(team.Id);
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
