using Microsoft.EntityFrameworkCore;
using Spm.Domain.Organisation;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Organisation;

/// <summary>
/// The organisation's batch loaders for one request. Each fetch opens its own DbContext from
/// the scoped factory, so parallel resolvers never share one, and the tenant filter applies.
/// </summary>
public sealed class OrganisationDataLoaders
{
    public OrganisationDataLoaders(IDbContextFactory<SpmDbContext> contexts, DataLoaderRegistry registry)
    {
        ParticipantById = registry.GetOrAddBatchLoader<Guid, Participant>("ParticipantById", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        });
        TeamById = registry.GetOrAddBatchLoader<Guid, Team>("TeamById", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        });
        PeriodById = registry.GetOrAddBatchLoader<Guid, Period>("PeriodById", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Periods.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        });
        DirectReportsByManager = registry.GetOrAddGroupedBatchLoader<Guid, Participant>("DirectReportsByManager", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Participants.AsNoTracking().Where(p => p.ManagerId != null && ids.Contains(p.ManagerId.Value))
                .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
            return rows.ToLookup(p => p.ManagerId!.Value);
        });
        ChildTeamsByParent = registry.GetOrAddGroupedBatchLoader<Guid, Team>("ChildTeamsByParent", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Teams.AsNoTracking().Where(t => t.ParentTeamId != null && ids.Contains(t.ParentTeamId.Value))
                .OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
            return rows.ToLookup(t => t.ParentTeamId!.Value);
        });
        MembersByTeam = registry.GetOrAddGroupedBatchLoader<Guid, Participant>("MembersByTeam", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Participants.AsNoTracking().Where(p => p.TeamId != null && ids.Contains(p.TeamId.Value))
                .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
            return rows.ToLookup(p => p.TeamId!.Value);
        });
    }

    public BatchLoader<Guid, Participant> ParticipantById { get; }

    public BatchLoader<Guid, Team> TeamById { get; }

    public BatchLoader<Guid, Period> PeriodById { get; }

    public GroupedBatchLoader<Guid, Participant> DirectReportsByManager { get; }

    public GroupedBatchLoader<Guid, Team> ChildTeamsByParent { get; }

    public GroupedBatchLoader<Guid, Participant> MembersByTeam { get; }
}
