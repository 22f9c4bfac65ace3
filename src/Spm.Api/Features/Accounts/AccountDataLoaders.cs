using Microsoft.EntityFrameworkCore;
using Spm.Domain.Accounts;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Accounts;

/// <summary>Batch loaders for accounts in one request; each fetch opens its own context (tenant-filtered).</summary>
public sealed class AccountDataLoaders
{
    public AccountDataLoaders(IDbContextFactory<SpmDbContext> contexts, DataLoaderRegistry registry)
    {
        AccountById = registry.GetOrAddBatchLoader<Guid, Account>("AccountById", async (ids, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        });
    }

    public BatchLoader<Guid, Account> AccountById { get; }
}
