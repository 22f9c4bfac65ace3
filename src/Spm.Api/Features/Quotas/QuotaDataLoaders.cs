using Microsoft.EntityFrameworkCore;
using Spm.Domain.Quotas;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Quotas;

/// <summary>Batch loaders of the quota feature for one request.</summary>
public sealed class QuotaDataLoaders
{
    public QuotaDataLoaders(IDbContextFactory<SpmDbContext> contexts, DataLoaderRegistry registry)
    {
        QuotaById = registry.GetOrAddBatchLoader<Guid, Quota>("QuotaById", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Quotas.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        });
        BySubjectAndPeriod = registry.GetOrAddGroupedBatchLoader<QuotaKey, Quota>("QuotasBySubjectAndPeriod", async (keys, ct) =>
        {
            var subjects = keys.Select(k => k.SubjectId).Distinct().ToList();
            var periods = keys.Select(k => k.PeriodId).Distinct().ToList();
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Quotas.AsNoTracking()
                .Where(q => periods.Contains(q.PeriodId)
                    && ((q.ParticipantId != null && subjects.Contains(q.ParticipantId.Value)) || (q.TeamId != null && subjects.Contains(q.TeamId.Value))))
                .OrderBy(q => q.Type).ThenBy(q => q.IsOverlay).ThenBy(q => q.Id)
                .ToListAsync(ct);
            return rows.ToLookup(q => new QuotaKey(q.SubjectId, q.PeriodId));
        });
        HistoryByQuota = registry.GetOrAddGroupedBatchLoader<Guid, QuotaChange>("QuotaHistoryByQuota", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.QuotaChanges.AsNoTracking().Where(h => ids.Contains(h.QuotaId)).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
            return rows.ToLookup(h => h.QuotaId);
        });
    }

    public BatchLoader<Guid, Quota> QuotaById { get; }

    public GroupedBatchLoader<QuotaKey, Quota> BySubjectAndPeriod { get; }

    public GroupedBatchLoader<Guid, QuotaChange> HistoryByQuota { get; }
}
