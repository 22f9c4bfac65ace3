using Microsoft.EntityFrameworkCore;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Pipeline;

namespace Spm.Api.Features.Pipeline;

/// <summary>Batch loaders of the pipeline for one request (tenant-filtered by the context).</summary>
public sealed class PipelineDataLoaders
{
    public PipelineDataLoaders(IDbContextFactory<SpmDbContext> contexts, DataLoaderRegistry registry)
    {
        StagesByOpportunity = registry.GetOrAddGroupedBatchLoader<Guid, OpportunityStageChange>("StagesByOpportunity", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.OpportunityStageHistory.AsNoTracking().Where(h => ids.Contains(h.OpportunityId)).OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).ToListAsync(ct);
            return rows.ToLookup(h => h.OpportunityId);
        });
    }

    public GroupedBatchLoader<Guid, OpportunityStageChange> StagesByOpportunity { get; }
}
