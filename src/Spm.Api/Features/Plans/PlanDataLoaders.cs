using Microsoft.EntityFrameworkCore;
using Spm.Domain.Planning;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Plans;

/// <summary>Batch loaders of the planning feature for one request.</summary>
public sealed class PlanDataLoaders(IDbContextFactory<SpmDbContext> contexts, DataLoaderRegistry registry)
{
    public BatchLoader<Guid, SalesPlan> SalesPlanById { get; } = registry.GetOrAddBatchLoader<Guid, SalesPlan>("SalesPlanById", async (ids, ct) =>
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SalesPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    });
}
