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
        var scores = new Dictionary<Guid, decimal>();
        if (Contributions(metric) is not { } rows)
        {
            return scores;
        }

        await using var command = Command($"SELECT participant_id, sum(amount) FROM ({rows}) r GROUP BY participant_id", tenantId, metric, from, to, timeZone);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            scores[reader.GetGuid(0)] = reader.GetDecimal(1);
        }

        return scores;
    }

    /// <summary>
    /// When each participant's running total first reached <paramref name="goal"/>, contributions taken in the order
    /// they were recorded (as the live path saw them): a race's finishing order, recoverable after Redis lost it.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> CrossingsAsync(Guid tenantId, LiveMetric metric, DateOnly from, DateOnly to, string timeZone, decimal goal, CancellationToken cancellationToken)
    {
        var crossings = new Dictionary<Guid, DateTimeOffset>();
        if (Contributions(metric) is not { } rows)
        {
            return crossings;
        }

        await using var command = Command(
            $"""
            SELECT participant_id, min(recorded_at) FROM (
                SELECT participant_id, recorded_at,
                       sum(amount) OVER (PARTITION BY participant_id ORDER BY recorded_at, id ROWS UNBOUNDED PRECEDING) AS running
                FROM ({rows}) r) t
            WHERE running >= @goal
            GROUP BY participant_id
            """,
            tenantId,
            metric,
            from,
            to,
            timeZone);
        command.Parameters.AddWithValue("goal", goal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            crossings[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return crossings;
    }

    /// <summary>One row per contribution in the range: participant_id, id, recorded_at, amount; null for attainment.</summary>
    private static string? Contributions(LiveMetric metric) => metric switch
    {
        LiveMetric.CreditedRevenue => """
            SELECT c.participant_id, c.id, v.recorded_at, c.reporting_amount AS amount
            FROM credits c JOIN sale_revisions v ON v.id = c.sale_revision_id
            WHERE c.tenant_id = @tenant AND c.posting_date BETWEEN @from AND @to
              AND (CASE WHEN c.type = 'Adjustment' THEN c.adjusted_type ELSE c.type END) <> 'Rollup'
            """,
        LiveMetric.DealsWon => """
            SELECT owner_participant_id AS participant_id, id, recorded_at, 1::numeric AS amount FROM sales
            WHERE tenant_id = @tenant AND NOT is_cancelled AND close_date BETWEEN @from AND @to
            """,
        LiveMetric.AttainmentPercent => null,
        _ => """
            SELECT participant_id, id, recorded_at, 1::numeric AS amount FROM activities
            WHERE tenant_id = @tenant AND upper(kind) = @kind AND (occurred_at AT TIME ZONE @zone)::date BETWEEN @from AND @to
            """,
    };

    private NpgsqlCommand Command(string sql, Guid tenantId, LiveMetric metric, DateOnly from, DateOnly to, string timeZone)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("kind", metric.ToString().TrimEnd('s').ToUpperInvariant());
        command.Parameters.AddWithValue("zone", timeZone);
        return command;
    }
}
