using System.Collections.Concurrent;
using Npgsql;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// <see cref="LiveTenant"/> per tenant, kept for <see cref="Lifetime"/>: a team move reaches the boards' fan-out within
/// that time (a rebuild applies it to past scores). Nothing else depends on it being coherent across nodes.
/// </summary>
public sealed class LiveTenantCache(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (LiveTenant Tenant, DateTimeOffset Expires)> cache = new();

    public async Task<LiveTenant?> GetAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(tenantId, out var hit) && hit.Expires > now)
        {
            return hit.Tenant;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tenant = await LoadAsync(connection, tenantId, cancellationToken);
        if (tenant is not null)
        {
            cache[tenantId] = (tenant, now + Lifetime);
        }

        return tenant;
    }

    /// <summary>Forgets the tenant, so the next batch sees a change at once (after a rebuild).</summary>
    public void Forget(Guid tenantId) => cache.TryRemove(tenantId, out _);

    /// <summary>Loads the tenant on <paramref name="connection"/> (in its transaction's snapshot); null when there is no such tenant.</summary>
    public static async Task<LiveTenant?> LoadAsync(NpgsqlConnection connection, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("SELECT time_zone, fiscal_year_start_month FROM tenants WHERE id = $1") { Parameters = { new() { Value = tenantId } } },
                new("SELECT id, team_id FROM participants WHERE tenant_id = $1") { Parameters = { new() { Value = tenantId } } },
                new("SELECT id, parent_team_id FROM teams WHERE tenant_id = $1") { Parameters = { new() { Value = tenantId } } },
                new("SELECT territory_id, participant_id, effective_from, effective_to FROM territory_assignments WHERE tenant_id = $1") { Parameters = { new() { Value = tenantId } } },
                new("SELECT id, kind, start_date FROM periods WHERE tenant_id = $1") { Parameters = { new() { Value = tenantId } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var zoneId = reader.GetString(0);
        var calendar = new FiscalCalendar(reader.GetInt32(1));
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        await reader.NextResultAsync(cancellationToken);
        var teamOf = new Dictionary<Guid, Guid?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            teamOf[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetGuid(1);
        }

        await reader.NextResultAsync(cancellationToken);
        var parentOf = new Dictionary<Guid, Guid?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parentOf[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetGuid(1);
        }

        await reader.NextResultAsync(cancellationToken);
        var assignments = new List<(Guid, Guid, DateOnly, DateOnly?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            assignments.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateOnly>(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3)));
        }

        await reader.NextResultAsync(cancellationToken);
        var periods = new Dictionary<Guid, (PeriodKind, DateOnly)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<PeriodKind>(reader.GetString(1), out var kind))
            {
                periods[reader.GetGuid(0)] = (kind, reader.GetFieldValue<DateOnly>(2));
            }
        }

        return new LiveTenant { TenantId = tenantId, Zone = zone, Calendar = calendar, TeamOf = teamOf, ParentOf = parentOf, Assignments = assignments, Periods = periods };
    }
}
