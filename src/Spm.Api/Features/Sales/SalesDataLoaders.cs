using Microsoft.EntityFrameworkCore;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>Batch loaders of sales, revisions and credits for one request (tenant-filtered by the context).</summary>
public sealed class SalesDataLoaders
{
    public SalesDataLoaders(IDbContextFactory<SpmDbContext> contexts, DataLoaderRegistry registry)
    {
        SaleById = registry.GetOrAddBatchLoader<Guid, StoredSale>("SaleById", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Sales.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        });
        RevisionsBySale = registry.GetOrAddGroupedBatchLoader<Guid, StoredSaleRevision>("RevisionsBySale", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.SaleRevisions.AsNoTracking().Where(r => ids.Contains(r.SaleId)).OrderBy(r => r.Number).ToListAsync(ct);
            return rows.ToLookup(r => r.SaleId);
        });
        CreditsBySale = registry.GetOrAddGroupedBatchLoader<Guid, StoredCredit>("CreditsBySale", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.Credits.AsNoTracking().Where(c => ids.Contains(c.SaleId)).OrderBy(c => c.SaleRevision).ThenBy(c => c.Id).ToListAsync(ct);
            return rows.ToLookup(c => c.SaleId);
        });
    }

    public BatchLoader<Guid, StoredSale> SaleById { get; }

    public GroupedBatchLoader<Guid, StoredSaleRevision> RevisionsBySale { get; }

    public GroupedBatchLoader<Guid, StoredCredit> CreditsBySale { get; }
}
