using System.Collections.Concurrent;
using Npgsql;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// One <see cref="CreditingSetup"/> per tenant kept between requests, so a one-sale <c>recordSales</c> does not
/// reload ~2,300 participants, the rules and the rates. Every use reads the tenant's crediting revision (one
/// primary-key row, in the caller's transaction) and reloads when it moved: triggers raise it on every change to
/// rules, rates, participants, teams, periods, locks and territories, from any writer and any API node, so a
/// cached setup is never used after its inputs changed. Territory ownership is not cached here: it comes fresh
/// from the <see cref="ITerritoryOwnershipSource"/> (which keeps its own revision-checked cache) on every call.
/// </summary>
public sealed class CreditingSetupCache
{
    private readonly ConcurrentDictionary<Guid, (CreditingSetup Setup, DateOnly Day)> entries = new();
    private long loads;

    /// <summary>How many times a setup was loaded from the database (tests and the bench read it).</summary>
    public long Loads => Interlocked.Read(ref loads);

    public async Task<CreditingSetup> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, ITerritoryOwnershipSource territories, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(territories);
        var revision = await CreditingSetup.RevisionAsync(connection, transaction, tenantId, cancellationToken);
        // The day is part of the key because the open posting date of locked periods follows the calendar.
        if (entries.TryGetValue(tenantId, out var entry) && entry.Setup.Revision == revision && entry.Day == today)
        {
            return entry.Setup.WithTerritories(await territories.ForTenantAsync(tenantId, cancellationToken));
        }

        var setup = await CreditingSetup.LoadAsync(connection, transaction, tenantId, territories, today, cancellationToken);
        Interlocked.Increment(ref loads);
        entries.AddOrUpdate(tenantId, (setup, today), (_, old) => old.Setup.Revision > setup.Revision ? old : (setup, today));
        return setup;
    }
}
