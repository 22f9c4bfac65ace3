using Microsoft.EntityFrameworkCore;
using Spm.Api.Graph;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Organisation;

/// <summary>
/// The organisation's batch loaders for one request. Each fetch opens its own DbContext from
/// the scoped factory, so parallel resolvers never share one, and the tenant filter applies.
/// </summary>
public sealed class OrganisationDataLoaders
{
    public OrganisationDataLoaders(IDbContextFactory<SpmDbContext> contexts)
    {
        ParticipantById = new(async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        });
        TeamById = new(async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        });
        PeriodById = new(async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Periods.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        });
        DirectReportsByManager = new(async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Participants.AsNoTracking().Where(p => p.ManagerId != null && ids.Contains(p.ManagerId.Value))
                .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
            return GroupBy(ids, rows, p => p.ManagerId!.Value);
        });
        ChildTeamsByParent = new(async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Teams.AsNoTracking().Where(t => t.ParentTeamId != null && ids.Contains(t.ParentTeamId.Value))
                .OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
            return GroupBy(ids, rows, t => t.ParentTeamId!.Value);
        });
        MembersByTeam = new(async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Participants.AsNoTracking().Where(p => p.TeamId != null && ids.Contains(p.TeamId.Value))
                .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
            return GroupBy(ids, rows, p => p.TeamId!.Value);
        });
    }

    public BatchLoader<Guid, Participant> ParticipantById { get; }

    public BatchLoader<Guid, Team> TeamById { get; }

    public BatchLoader<Guid, Period> PeriodById { get; }

    public BatchLoader<Guid, IReadOnlyList<Participant>> DirectReportsByManager { get; }

    public BatchLoader<Guid, IReadOnlyList<Team>> ChildTeamsByParent { get; }

    public BatchLoader<Guid, IReadOnlyList<Participant>> MembersByTeam { get; }

    private static Dictionary<Guid, IReadOnlyList<T>> GroupBy<T>(IReadOnlyList<Guid> keys, List<T> rows, Func<T, Guid> keyOf)
    {
        // Every requested key gets a list, empty when it has no rows.
        var result = keys.Distinct().ToDictionary(k => k, _ => (IReadOnlyList<T>)[]);
        foreach (var group in rows.GroupBy(keyOf))
        {
            result[group.Key] = group.ToList();
        }

        return result;
    }
}
