using Microsoft.EntityFrameworkCore;
using Spm.Domain.Approvals;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Approvals;

/// <summary>Batch loaders of the approvals feature for one request.</summary>
public sealed class ApprovalDataLoaders(IDbContextFactory<SpmDbContext> contexts, DataLoaderRegistry registry)
{
    public BatchLoader<Guid, ApprovalRecord> ApprovalById { get; } = registry.GetOrAddBatchLoader<Guid, ApprovalRecord>("ApprovalById", async (ids, ct) =>
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApprovalRequests.AsNoTracking().AsSplitQuery().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
    });
}
