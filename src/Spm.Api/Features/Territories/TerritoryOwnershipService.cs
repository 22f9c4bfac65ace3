using System.Collections.Concurrent;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Domain.Currency;
using Spm.Domain.Territories;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Features.Territories;

/// <summary>
/// <see cref="ITerritoryOwnership"/> over PostgreSQL with an in-process cache per (tenant, date). Each call reads the
/// tenant's revision (one indexed row) and rebuilds only when it moved, so several API nodes stay coherent without
/// talking to each other; the cost of a hit is that one small query plus the resolver's in-memory work.
/// The membership with its metrics (open pipeline, last year's revenue) also depends on sales, opportunities and
/// rates, which change with every deal: it is reloaded when the revision moves or when it is older than
/// <see cref="MetricsMaxAge"/>, rather than having every sale raise the revision. A per-tenant counter bumped by
/// each sale was a row lock held to commit, which made every writer of a tenant (live and bulk) take turns.
/// </summary>
public sealed class TerritoryOwnershipService(NpgsqlDataSource dataSource) : ITerritoryOwnership
{
    // Plenty for "today" and a few historical dates per tenant; cleared wholesale when exceeded (simple and bounded).
    private const int MaxEntries = 256;

    /// <summary>How stale planning metrics may be: they feed balancing and allocation, not money.</summary>
    public static readonly TimeSpan MetricsMaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(Guid Tenant, DateOnly Date), Entry> cache = new();

    private readonly ConcurrentDictionary<(Guid Tenant, DateOnly Date), Metrics> metrics = new();

    public async Task<AccountOwnership?> ResolveAsync(Guid tenantId, Guid accountId, DateOnly day, CancellationToken cancellationToken)
    {
        var result = await ResolveManyAsync(tenantId, [accountId], day, cancellationToken);
        return result.TryGetValue(accountId, out var ownership) ? ownership : null;
    }

    public async Task<IReadOnlyDictionary<Guid, AccountOwnership>> ResolveManyAsync(Guid tenantId, IReadOnlyCollection<Guid> accountIds, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var snapshot = await SnapshotAsync(tenantId, day, cancellationToken);
        await using var db = CreateContext(tenantId);
        var ids = accountIds.Distinct().ToArray();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return accounts.ToDictionary(a => a.Id, a => snapshot.Own(a.Attributes()));
    }

    public async Task<TerritorySnapshot> SnapshotAsync(Guid tenantId, DateOnly day, CancellationToken cancellationToken) =>
        (await EntryAsync(tenantId, day, cancellationToken)).Snapshot;

    public async Task<TerritoryMembership> MembershipAsync(Guid tenantId, DateOnly day, CancellationToken cancellationToken)
    {
        var entry = await EntryAsync(tenantId, day, cancellationToken);
        var now = Environment.TickCount64;
        if (!metrics.TryGetValue((tenantId, day), out var loaded) || loaded.Snapshot != entry.Snapshot || now - loaded.LoadedAt > MetricsMaxAge.TotalMilliseconds)
        {
            var snapshot = entry.Snapshot;
            loaded = new Metrics(snapshot, now, new Lazy<Task<TerritoryMembership>>(() => LoadMembershipAsync(snapshot)));
            if (metrics.Count >= MaxEntries)
            {
                metrics.Clear();
            }

            metrics[(tenantId, day)] = loaded;
        }

        return await loaded.Membership.Value;
    }

    private async Task<Entry> EntryAsync(Guid tenantId, DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = CreateContext(tenantId);
        var revision = await RevisionAsync(db, tenantId, cancellationToken);
        if (cache.TryGetValue((tenantId, day), out var cached) && cached.Snapshot.Revision == revision)
        {
            return cached;
        }

        // Repeatable read: the rows and the revision they are filed under come from one consistent view.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        revision = await RevisionAsync(db, tenantId, cancellationToken);
        var territories = await db.Territories.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var overrides = await db.TerritoryOverrides.AsNoTracking().OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var assignments = await db.TerritoryAssignments.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var snapshot = new TerritorySnapshot(tenantId, day, revision, territories, overrides, assignments);
        var entry = new Entry(snapshot);
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        cache[(tenantId, day)] = entry;
        return entry;
    }

    private async Task<TerritoryMembership> LoadMembershipAsync(TerritorySnapshot snapshot)
    {
        // Shared by concurrent callers through the Lazy, so no single caller's cancellation may abort it.
        await using var db = CreateContext(snapshot.TenantId);
        var accounts = await db.Accounts.AsNoTracking()
            .Select(a => new { a.Name, Attributes = new AccountAttributes(a.Id, a.Country, a.Region, a.County, a.City, a.PostalCode, a.Industry, a.EmployeeCount, a.AnnualRevenue, a.Potential) })
            .ToListAsync(CancellationToken.None);

        var reporting = await db.Tenants.AsNoTracking().Where(t => t.Id == snapshot.TenantId).Select(t => t.ReportingCurrency).SingleAsync(CancellationToken.None);

        // Last year's revenue: sales (not cancelled) closed in the twelve months before the date, in reporting currency.
        var yearAgo = snapshot.AsOf.AddYears(-1);
        var revenue = await db.Sales.AsNoTracking()
            .Where(s => s.AccountId != null && !s.IsCancelled && s.CloseDate >= yearAgo && s.CloseDate < snapshot.AsOf)
            .GroupBy(s => s.AccountId!.Value)
            .Select(g => new { Account = g.Key, Amount = g.Sum(s => s.ReportingAmount) })
            .ToDictionaryAsync(r => r.Account, r => Money.Round(r.Amount, reporting), CancellationToken.None);

        // Open pipeline: opportunities neither won nor lost, converted to reporting currency at the date; a
        // missing rate is an error (FX_RATE_MISSING), never a silent zero.
        var open = await db.Opportunities.AsNoTracking()
            .Where(o => o.AccountId != null && o.WonOn == null && o.LostOn == null && o.CreatedOn <= snapshot.AsOf)
            .GroupBy(o => new { Account = o.AccountId!.Value, o.Currency })
            .Select(g => new { g.Key.Account, g.Key.Currency, Amount = g.Sum(o => o.Amount) })
            .ToListAsync(CancellationToken.None);
        var pipeline = new Dictionary<Guid, decimal>();
        if (open.Count > 0)
        {
            var fx = new FxRateTable(snapshot.TenantId, reporting, await db.FxRates.AsNoTracking().ToListAsync(CancellationToken.None));
            foreach (var row in open)
            {
                pipeline[row.Account] = Money.Round(pipeline.GetValueOrDefault(row.Account) + fx.Convert(row.Amount, row.Currency, reporting, snapshot.AsOf), reporting);
            }
        }

        return new TerritoryMembership(snapshot, [.. accounts.Select(a => (a.Attributes, a.Name))], pipeline, revenue);
    }

    private static async Task<long> RevisionAsync(SpmDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        await db.TerritoryRevisions.Where(r => r.TenantId == tenantId).Select(r => r.Revision).FirstOrDefaultAsync(cancellationToken);

    private SpmDbContext CreateContext(Guid tenantId) =>
        new(new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(dataSource).Options, new FixedTenantContext(tenantId));

    private sealed record Entry(TerritorySnapshot Snapshot);

    // Keyed by the snapshot instance: a new snapshot (revision moved) always means new metrics.
    private sealed record Metrics(TerritorySnapshot Snapshot, long LoadedAt, Lazy<Task<TerritoryMembership>> Membership);
}
