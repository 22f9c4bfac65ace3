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

    private CreditingSetup(
        Guid tenantId,
        CreditRuleSet rules,
        FxRateTable fx,
        OrganisationSnapshot organisation,
        ITerritoryOwnershipLookup territories,
        (DateOnly Start, DateOnly End, Guid Id)[] months)
    {
        TenantId = tenantId;
        Rules = rules;
        Fx = fx;
        Organisation = organisation;
        Territories = territories;
        Array.Sort(months, (a, b) => a.Start.CompareTo(b.Start));
        monthStarts = [.. months.Select(m => m.Start)];
        monthEnds = [.. months.Select(m => m.End)];
        monthIds = [.. months.Select(m => m.Id)];
    }

    public Guid TenantId { get; }

    public string ReportingCurrency => Fx.ReportingCurrency;

    public CreditRuleSet Rules { get; }

    public FxRateTable Fx { get; }

    public OrganisationSnapshot Organisation { get; }

    public ITerritoryOwnershipLookup Territories { get; }

    /// <summary>
    /// Periods carry no lock flag yet (payouts are not built), so nothing is locked and every credit posts on its
    /// close date; the payout issue supplies the locked ranges here.
    /// </summary>
    public PostingPolicy Posting { get; } = PostingPolicy.NothingLocked;

    public CreditingEngine NewEngine() => new(Rules, Fx, Organisation, Territories, Organisation, Posting);

    /// <summary>The stored fiscal month containing <paramref name="date"/>, or null.</summary>
    public Guid? PeriodOf(DateOnly date)
    {
        var index = Array.BinarySearch(monthStarts, date);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index >= 0 && date <= monthEnds[index] ? monthIds[index] : null;
    }

    public static async Task<CreditingSetup> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, ITerritoryOwnershipSource territories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(territories);
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

        var members = new List<OrganisationSnapshot.Member>();
        await using (var command = new NpgsqlCommand("SELECT id, name, pay_currency, manager_id, team_id FROM participants WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                members.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2).Trim(), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4)));
            }
        }

        var teams = new List<OrganisationSnapshot.TeamNode>();
        await using (var command = new NpgsqlCommand("SELECT id, parent_team_id, manager_id FROM teams WHERE tenant_id = $1", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                teams.Add(new(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
            }
        }

        var months = new List<(DateOnly, DateOnly, Guid)>();
        await using (var command = new NpgsqlCommand("SELECT start_date, end_date, id FROM periods WHERE tenant_id = $1 AND kind = 'Month'", connection, transaction) { Parameters = { new() { Value = tenantId } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                months.Add((reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1), reader.GetGuid(2)));
            }
        }

        return new CreditingSetup(
            tenantId,
            new CreditRuleSet(tenantId, rules),
            new FxRateTable(tenantId, reportingCurrency.Trim(), rates),
            new OrganisationSnapshot(members, teams),
            await territories.ForTenantAsync(tenantId, cancellationToken),
            [.. months]);
    }
}
