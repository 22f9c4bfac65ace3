using Npgsql;
using Spm.Domain.Live;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// A board window computed from the tables of record: credits (revenue, roll-ups left out as in
/// <see cref="MetricContributions"/>), sale revisions (deals: +1 for a new sale at its first owner and close date,
/// -1 for a cancelled one at its last), activities (by local day in the tenant's zone) and the latest attainment
/// event per participant. Used by rebuilds and by degraded reads while Redis is down.
/// </summary>
public static class LeaderboardSql
{
    private const string Revenue = """
        SELECT participant_id, posting_date, sum(reporting_amount) FROM credits
        WHERE tenant_id = $1 AND posting_date BETWEEN $2 AND $3
          AND (CASE WHEN type = 'Adjustment' THEN adjusted_type ELSE type END) <> 'Rollup'
        GROUP BY participant_id, posting_date
        """;

    private const string Deals = """
        SELECT owner_participant_id, close_date, sum(n) FROM (
          SELECT owner_participant_id, close_date, 1 AS n FROM sale_revisions WHERE tenant_id = $1 AND number = 1 AND close_date BETWEEN $2 AND $3
          UNION ALL
          SELECT owner_participant_id, close_date, -1 FROM sales WHERE tenant_id = $1 AND is_cancelled AND close_date BETWEEN $2 AND $3) d
        GROUP BY owner_participant_id, close_date
        """;

    private const string Activities = """
        SELECT participant_id, (occurred_at AT TIME ZONE $5)::date AS day, count(*)::numeric FROM activities
        WHERE tenant_id = $1 AND upper(kind) = $4 AND (occurred_at AT TIME ZONE $5)::date BETWEEN $2 AND $3
        GROUP BY participant_id, day
        """;

    // Attainment is a level, so the latest event wins; $6 bounds it to what the caller has applied (a rebuild's cursor).
    private const string Attainment = """
        SELECT DISTINCT ON (payload->>'scopeId') (payload->>'scopeId')::uuid, $2::date, (payload->>'attainmentPercent')::numeric
        FROM outbox
        WHERE tenant_id = $1 AND type = 'attainment.changed' AND payload->>'scope' = 'Participant'
          AND payload->>'attainmentPercent' IS NOT NULL AND (payload->>'periodId')::uuid = ANY($4) AND position <= $6 AND $3::date >= $2::date AND $5::text IS NOT NULL
        ORDER BY payload->>'scopeId', position DESC
        """;

    /// <summary>Scores by subject of <paramref name="board"/> in <paramref name="window"/>, on <paramref name="connection"/>'s snapshot.</summary>
    public static async Task<Dictionary<Guid, decimal>> ScoresAsync(NpgsqlConnection connection, LiveTenant tenant, LeaderboardDefinition board, WindowRange window, long maxOutboxId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(window);
        var scores = new Dictionary<Guid, decimal>();
        foreach (var (metric, weight) in board.Metrics)
        {
            var (sql, kind) = metric switch
            {
                LiveMetric.CreditedRevenue => (Revenue, string.Empty),
                LiveMetric.DealsWon => (Deals, string.Empty),
                LiveMetric.AttainmentPercent => (Attainment, string.Empty),
                _ => (Activities, metric switch
                {
                    LiveMetric.Calls => "CALL",
                    LiveMetric.Emails => "EMAIL",
                    LiveMetric.Meetings => "MEETING",
                    LiveMetric.Demos => "DEMO",
                    _ => "VISIT",
                }),
            };
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new() { Value = tenant.TenantId });
            command.Parameters.Add(new() { Value = window.Start });
            command.Parameters.Add(new() { Value = window.End });
            if (metric == LiveMetric.AttainmentPercent)
            {
                var periods = tenant.Periods.Where(p => WindowRange.Containing(board.Window, p.Value.Start, tenant.Calendar).Start == window.Start && SameKind(board.Window, p.Value.Kind)).Select(p => p.Key).ToArray();
                command.Parameters.Add(new() { Value = periods });
                command.Parameters.Add(new() { Value = tenant.Zone.Id });
                command.Parameters.Add(new() { Value = maxOutboxId });
            }
            else if (sql == Activities)
            {
                command.Parameters.Add(new() { Value = kind });
                command.Parameters.Add(new() { Value = tenant.Zone.Id });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var participant = reader.GetGuid(0);
                var date = reader.GetFieldValue<DateOnly>(1);
                if (tenant.SubjectOf(board, participant, date) is not { } subject)
                {
                    continue;
                }

                var value = reader.GetDecimal(2) * weight;
                scores[subject] = metric == LiveMetric.AttainmentPercent ? value : scores.GetValueOrDefault(subject) + value;
            }
        }

        return scores;
    }

    private static bool SameKind(LeaderboardWindow window, Domain.Organisation.PeriodKind kind) => (window, kind) switch
    {
        (LeaderboardWindow.Month, Domain.Organisation.PeriodKind.Month) => true,
        (LeaderboardWindow.Quarter, Domain.Organisation.PeriodKind.Quarter) => true,
        (LeaderboardWindow.FiscalYear, Domain.Organisation.PeriodKind.FiscalYear) => true,
        _ => false,
    };
}
