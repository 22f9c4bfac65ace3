using Microsoft.EntityFrameworkCore;
using Spm.Domain.Contests;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Live;

/// <summary>
/// Who competes in a contest and under what name: the explicit participants, the pairs, the teams, or the reps of the
/// scope (company, or a team and its sub-teams; terminated reps left out). Scores of anyone else are ignored when
/// ranking, so the Redis projection can score every participant and never needs to know the roster.
/// </summary>
public sealed class ContestRoster
{
    private readonly Dictionary<Guid, (string Name, Guid? TeamId, ParticipantRole Role, ParticipantStatus Status)> participants;
    private readonly Dictionary<Guid, (string Name, Guid? ParentId)> teams;

    private ContestRoster(
        Dictionary<Guid, (string Name, Guid? TeamId, ParticipantRole Role, ParticipantStatus Status)> participants,
        Dictionary<Guid, (string Name, Guid? ParentId)> teams)
    {
        this.participants = participants;
        this.teams = teams;
    }

    public static async Task<ContestRoster> LoadAsync(SpmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await db.Participants.AsNoTracking().Select(p => new { p.Id, p.Name, p.TeamId, p.Role, p.Status }).ToListAsync(cancellationToken);
        var teamRows = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, t.ParentTeamId }).ToListAsync(cancellationToken);
        return new(people.ToDictionary(p => p.Id, p => (p.Name, p.TeamId, p.Role, p.Status)), teamRows.ToDictionary(t => t.Id, t => (t.Name, t.ParentTeamId)));
    }

    public bool IsParticipant(Guid id) => participants.ContainsKey(id);

    public bool IsTeam(Guid id) => teams.ContainsKey(id);

    /// <summary>The ranked subjects: teams in a team contest, otherwise participants.</summary>
    public IReadOnlyCollection<Guid> Subjects(Contest contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        if (contest.RanksTeams)
        {
            return contest.TeamIds;
        }

        if (contest.Format == ContestFormat.HeadToHead)
        {
            return [.. contest.Pairs.SelectMany(p => new[] { p.First, p.Second })];
        }

        if (contest.ParticipantIds.Count > 0)
        {
            return contest.ParticipantIds;
        }

        return [.. participants
            .Where(p => p.Value.Role == ParticipantRole.Rep && p.Value.Status != ParticipantStatus.Terminated)
            .Where(p => contest.Scope == ContestScope.Company || (p.Value.TeamId is { } team && IsWithin(team, contest.ScopeTeamId!.Value)))
            .Select(p => p.Key)];
    }

    /// <summary>The subject a participant's score counts for: the contest team containing their team, or themselves.</summary>
    public Func<Guid, Guid?> SubjectOf(Contest contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        if (!contest.RanksTeams)
        {
            return p => p;
        }

        var contestTeams = contest.TeamIds;
        return p => participants.TryGetValue(p, out var person) && person.TeamId is { } team
            ? contestTeams.Cast<Guid?>().FirstOrDefault(t => IsWithin(team, t!.Value))
            : null;
    }

    public string NameOf(Guid id) =>
        participants.TryGetValue(id, out var p) ? p.Name : teams.TryGetValue(id, out var t) ? t.Name : "(unknown)";

    private bool IsWithin(Guid team, Guid ancestor)
    {
        // Bounded walk: a corrupt cycle cannot hang the caller.
        Guid? current = team;
        for (var depth = 0; current is { } c && depth < 64; depth++)
        {
            if (c == ancestor)
            {
                return true;
            }

            current = teams.TryGetValue(c, out var row) ? row.ParentId : null;
        }

        return false;
    }
}
