using Npgsql;
using Spm.Domain.Common;
using Spm.Domain.Crediting;
using Spm.Domain.Currency;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// Everything crediting needs for one tenant, read once per request or import: rules, rates, the organisation,
/// territory ownership and the fiscal months credits post into. Immutable after loading, so bulk batches share
/// it; each thread makes its own engine with <see cref="NewEngine"/> (engines keep scratch buffers).
/// </summary>
public sealed class CreditingSetup
{
    private readonly DateOnly[] monthStarts;
    private readonly DateOnly[] monthEnds;
    private readonly Guid[] monthIds;
    private readonly Guid?[] quarterIds;
    private readonly Guid?[] yearIds;
    private readonly Dictionary<Guid, Guid?> territoryParents;

    private CreditingSetup(
        Guid tenantId,
        long revision,
        CreditRuleSet rules,
        FxRateTable fx,
        OrganisationSnapshot organisation,
        ITerritoryOwnershipLookup territories,
        Month[] months,
        Dictionary<Guid, Guid?> territoryParents,
        PostingPolicy posting)
    {
        TenantId = tenantId;
        Revision = revision;
        Rules = rules;
        Fx = fx;
        Organisation = organisation;
        Territories = territories;
        Array.Sort(months, (a, b) => a.Start.CompareTo(b.Start));
        monthStarts = [.. months.Select(m => m.Start)];
        monthEnds = [.. months.Select(m => m.End)];
        monthIds = [.. months.Select(m => m.Id)];
        quarterIds = [.. months.Select(m => m.Quarter)];
        yearIds = [.. months.Select(m => m.Year)];
        this.territoryParents = territoryParents;
        Posting = posting;
    }

    private CreditingSetup(CreditingSetup cached, ITerritoryOwnershipLookup territories)
    {
        TenantId = cached.TenantId;
        Revision = cached.Revision;
        Rules = cached.Rules;
        Fx = cached.Fx;
        Organisation = cached.Organisation;
        Territories = territories;
        monthStarts = cached.monthStarts;
        monthEnds = cached.monthEnds;
        monthIds = cached.monthIds;
        quarterIds = cached.quarterIds;
        yearIds = cached.yearIds;
        territoryParents = cached.territoryParents;
        Posting = cached.Posting;
    }

    public Guid TenantId { get; }

    /// <summary>The tenant's crediting revision the setup was read under (0 when never bumped).</summary>
    public long Revision { get; }

    public string ReportingCurrency => Fx.ReportingCurrency;

    public CreditRuleSet Rules { get; }

    public FxRateTable Fx { get; }

    public OrganisationSnapshot Organisation { get; }

    public ITerritoryOwnershipLookup Territories { get; }

    /// <summary>
    /// Locked periods (the <c>period_locks</c> table) displace credits into the open posting date: today, or the
    /// first day after the locked range that covers today.
    /// </summary>
    public PostingPolicy Posting { get; }

    public CreditingEngine NewEngine() => new(Rules, Fx, Organisation, Territories, Organisation, Posting);

    /// <summary>The same rules, rates and organisation with another territory lookup (territories keep their own cache).</summary>
    public CreditingSetup WithTerritories(ITerritoryOwnershipLookup territories) => new(this, territories);

    /// <summary>The stored fiscal month containing <paramref name="date"/>, or null.</summary>
    public Guid? PeriodOf(DateOnly date) => MonthIndex(date) is { } i ? monthIds[i] : null;

    /// <summary>The month, quarter and year containing <paramref name="date"/> (those stored), or none.</summary>
    public IEnumerable<Guid> PeriodsOf(DateOnly date)
    {
        if (MonthIndex(date) is not { } i)
        {
            yield break;
        }

        yield return monthIds[i];
        if (quarterIds[i] is { } quarter)
        {
            yield return quarter;
        }

        if (yearIds[i] is { } year)
        {
            yield return year;
        }
    }

    /// <summary>The territory and every territory above it, nearest first.</summary>
    public IReadOnlyList<Guid> TerritoryChain(Guid territoryId)
    {
        var chain = new List<Guid>(4);
        Guid? current = territoryId;
        while (current is { } id && chain.Count <= CreditingEngine.MaxManagerChainDepth && !chain.Contains(id))
        {
            chain.Add(id);
            current = territoryParents.GetValueOrDefault(id);
        }

        return chain;
    }

    private int? MonthIndex(DateOnly date)
    {
        var index = Array.BinarySearch(monthStarts, date);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index >= 0 && date <= monthEnds[index] ? index : null;
    }

    /// <summary>The first day on or after <paramref name="today"/> outside every locked range.</summary>
    public static DateOnly OpenPostingDate(IReadOnlyList<(DateOnly Start, DateOnly End)> locked, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(locked);
        var date = today;
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var (start, end) in locked)
            {
                if (date >= start && date <= end)
                {
                    date = end.AddDays(1);
                    moved = true;
                }
            }
        }

        return date;
    }

    public static Task<CreditingSetup> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, ITerritoryOwnershipSource territories, CancellationToken cancellationToken) =>
        LoadAsync(connection, transaction, tenantId, territories, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);

    public static async Task<CreditingSetup> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, ITerritoryOwnershipSource territories, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(territories);
        var revision = await RevisionAsync(connection, transaction, tenantId, cancellationToken);
        string reportingCurrency;
        await using (var tenant = new NpgsqlCommand("SELECT reporting_currency FROM tenants WHERE id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        {
            reportingCurrency = (string?)await tenant.ExecuteScalarAsync(cancellationToken)
                ?? throw new DomainException("TENANT_UNKNOWN", $"Tenant {tenantId} does not exist.", "tenantId");
        }

        var rates = new List<FxRate>();
        await using (var command = new NpgsqlCommand("SELECT from_currency, to_currency, rate, effective_from FROM fx_rates WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rates.Add(new FxRate(tenantId, reader.GetString(0).Trim(), reader.GetString(1).Trim(), reader.GetDecimal(2), reader.GetFieldValue<DateOnly>(3)));
            }
        }

        var rules = new List<CreditRule>();
        await using (var command = new NpgsqlCommand("SELECT id, name, kind, \"order\", effective_from, effective_to, config FROM crediting_rules WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rules.Add(CreditingRules.ToDomain(new StoredCreditingRule
                {
                    Id = reader.GetGuid(0),
                    TenantId = tenantId,
                    Name = reader.GetString(1),
                    Kind = reader.GetString(2),
                    Order = reader.GetInt32(3),
                    EffectiveFrom = reader.GetFieldValue<DateOnly>(4),
                    EffectiveTo = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                    Config = reader.GetString(6),
                }));
            }
        }

        var organisation = await OrganisationSnapshot.LoadAsync(connection, transaction, tenantId, cancellationToken);

        var months = new List<Month>();
        const string MonthsSql = "SELECT m.start_date, m.end_date, m.id, q.id, q.parent_id FROM periods m LEFT JOIN periods q ON q.id = m.parent_id WHERE m.tenant_id = $1 AND m.kind = 'Month'";
        await using (var command = new NpgsqlCommand(MonthsSql, connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                months.Add(new(reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4)));
            }
        }

        var locked = new List<(DateOnly Start, DateOnly End)>();
        await using (var command = new NpgsqlCommand("SELECT p.start_date, p.end_date FROM period_locks l JOIN periods p ON p.id = l.period_id WHERE l.tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                locked.Add((reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1)));
            }
        }

        var territoryParents = new Dictionary<Guid, Guid?>();
        await using (var command = new NpgsqlCommand("SELECT id, parent_id FROM territories WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                territoryParents[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetGuid(1);
            }
        }

        var posting = locked.Count == 0 ? PostingPolicy.NothingLocked : new PostingPolicy(locked, OpenPostingDate(locked, today));
        return new CreditingSetup(
            tenantId,
            revision,
            new CreditRuleSet(tenantId, rules),
            new FxRateTable(tenantId, reportingCurrency.Trim(), rates),
            organisation,
            await territories.ForTenantAsync(tenantId, cancellationToken),
            [.. months],
            territoryParents,
            posting);
    }

    /// <summary>The tenant's crediting revision (raised by triggers on every input of a setup); 0 when never raised.</summary>
    public static async Task<long> RevisionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT revision FROM crediting_revisions WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } };
        return await command.ExecuteScalarAsync(cancellationToken) is long revision ? revision : 0;
    }

    private sealed record Month(DateOnly Start, DateOnly End, Guid Id, Guid? Quarter, Guid? Year);
}
