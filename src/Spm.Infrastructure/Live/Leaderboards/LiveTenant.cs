using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// What the live layer needs to know about a tenant's organisation: time zone and fiscal calendar, each participant's
/// team, the team tree, territory assignments and fiscal periods. Loaded in one round of queries and cached briefly
/// by <see cref="LiveTenantCache"/>; rebuilds load it fresh.
/// </summary>
public sealed class LiveTenant
{
    public required Guid TenantId { get; init; }

    public required TimeZoneInfo Zone { get; init; }

    public required FiscalCalendar Calendar { get; init; }

    public required IReadOnlyDictionary<Guid, Guid?> TeamOf { get; init; }

    public required IReadOnlyDictionary<Guid, Guid?> ParentOf { get; init; }

    /// <summary>(territory, participant, from, to) assignments.</summary>
    public required IReadOnlyList<(Guid Territory, Guid Participant, DateOnly From, DateOnly? To)> Assignments { get; init; }

    /// <summary>Fiscal periods by id: kind and first day (to place attainment, which is per period).</summary>
    public required IReadOnlyDictionary<Guid, (PeriodKind Kind, DateOnly Start)> Periods { get; init; }

    /// <summary>Today in the tenant's time zone.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>True when <paramref name="teamId"/> is <paramref name="root"/> or below it.</summary>
    public bool IsUnder(Guid? teamId, Guid root)
    {
        // Bounded walk: the database refuses cycles, the bound only guards against a torn snapshot.
        for (var depth = 0; teamId is { } current && depth < 64; depth++)
        {
            if (current == root)
            {
                return true;
            }

            teamId = ParentOf.GetValueOrDefault(current);
        }

        return false;
    }

    /// <summary>The subject a participant's contribution on <paramref name="date"/> counts for on <paramref name="board"/>; null when out of scope.</summary>
    public Guid? SubjectOf(LeaderboardDefinition board, Guid participantId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(board);
        var team = TeamOf.GetValueOrDefault(participantId);
        var inScope = board.Scope switch
        {
            LeaderboardScope.Company => true,
            LeaderboardScope.Team => IsUnder(team, board.ScopeId!.Value),
            _ => Assignments.Any(a => a.Territory == board.ScopeId && a.Participant == participantId && a.From <= date && (a.To is not { } to || date <= to)),
        };
        return !inScope ? null
            : board.Subject == LeaderboardSubject.Participants ? participantId
            : team;
    }
}
