using Npgsql;
using Spm.Domain.Live;

namespace Spm.Infrastructure.Live;

/// <summary>
/// A metric's per-participant totals over a range of business dates, computed from the system of record (credits,
/// sales, activities) with the same meaning as <see cref="MetricContributions"/>: roll-up credits left out, a
/// cancelled sale not counted, an activity dated in the tenant's zone. Used for baselines, rebuilds and to verify the
/// final standings. Attainment percent has no range sum and gives nothing.
/// </summary>
public sealed class ContestSqlScores(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<Guid, decimal>> ScoresAsync(Guid tenantId, LiveMetric metric, DateOnly from, DateOnly to, string timeZone, CancellationToken cancellationToken)
    {
        var sql = metric switch
        {
            LiveMetric.CreditedRevenue => """
                SELECT participant_id, sum(reporting_amount) FROM credits
                WHERE tenant_id = @tenant AND posting_date BETWEEN @from AND @to
                  AND (CASE WHEN type = 'Adjustment' THEN adjusted_type ELSE type END) <> 'Rollup'
                GROUP BY participant_id
                """,
            LiveMetric.DealsWon => """
                SELECT owner_participant_id, count(*)::numeric FROM sales
                WHERE tenant_id = @tenant AND NOT is_cancelled AND close_date BETWEEN @from AND @to
                GROUP BY owner_participant_id
                """,
            LiveMetric.AttainmentPercent => null,
            _ => """
                SELECT participant_id, count(*)::numeric FROM activities
                WHERE tenant_id = @tenant AND upper(kind) = @kind AND (occurred_at AT TIME ZONE @zone)::date BETWEEN @from AND @to
                GROUP BY participant_id
                """,
        };
        var scores = new Dictionary<Guid, decimal>();
        if (sql is null)
        {
            return scores;
        }

        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("kind", metric.ToString().TrimEnd('s').ToUpperInvariant());
        command.Parameters.AddWithValue("zone", timeZone);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            scores[reader.GetGuid(0)] = reader.GetDecimal(1);
        }

        return scores;
    }
}
