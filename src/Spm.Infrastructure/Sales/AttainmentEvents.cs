using Npgsql;
using NpgsqlTypes;
using Spm.Domain.Crediting;
using Spm.Domain.Events;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Outbox;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// Keeps the attainment projection (<c>attainment_totals</c>) current and writes one <c>attainment.changed</c>
/// event per (scope, id, period) it moved, in the caller's transaction: the same one that writes the credits.
/// Set-based: the credits are summed in memory first, then one upsert statement moves every total and returns
/// the new amounts with their approved quotas. The live path and each bulk batch call <see cref="ApplyAsync"/>
/// once (through <see cref="SalesLedger.WriteAsync"/>); re-crediting calls it with its adjustments.
/// </summary>
/// <remarks>
/// What counts (revenue, in the reporting currency, by posting date; adjustments under the type they adjust):
/// <list type="bullet">
/// <item>a participant: every credit they hold, roll-up and overlay included (a manager's number is their roll-up);</item>
/// <item>a team: the direct, split and territory credits of the members of the team and of the teams below it,
/// the same credit types the engine rolls up. Roll-up credits are left out because they restate the reps'
/// credits one level up (counting both would double a sub-manager's team), and overlay credits because an
/// overlay is paid on top of the owner's credit and overlay quotas sit outside the team's roll-up;</item>
/// <item>a territory: the territory credits carrying it or a territory below it (the primary owners' shares of
/// the sales in it, which sum to the sale), not the overlays.</item>
/// </list>
/// Teams and territories above are taken as they are when the credit is written (the organisation is not
/// effective-dated). Credits whose posting date falls in no stored period move nothing.
/// </remarks>
public static class AttainmentEvents
{
    private const string Upsert = """
        WITH d AS (
            SELECT * FROM unnest(@scopes, @ids, @periods, @deltas) WITH ORDINALITY AS d(scope, scope_id, period_id, delta, n)
        ), up AS (
            INSERT INTO attainment_totals AS a (tenant_id, scope, scope_id, period_id, quota_type, credited, updated_at)
            SELECT @tenant, d.scope, d.scope_id, d.period_id, 'Revenue', d.delta, @now FROM d ORDER BY d.n
            ON CONFLICT (tenant_id, scope, scope_id, period_id, quota_type)
            DO UPDATE SET credited = a.credited + excluded.credited, updated_at = excluded.updated_at
            RETURNING a.scope, a.scope_id, a.period_id, a.credited
        )
        SELECT up.scope, up.scope_id, up.period_id, up.credited, d.delta,
            (SELECT sum(q.amount) FROM quotas q
             WHERE q.tenant_id = @tenant AND q.period_id = up.period_id AND q.type = 'Revenue' AND q.status = 'Approved'
               AND q.subject_kind = up.scope
               AND up.scope_id = CASE up.scope WHEN 'Participant' THEN q.participant_id WHEN 'Team' THEN q.team_id ELSE q.territory_id END)
        FROM up JOIN d ON d.scope = up.scope AND d.scope_id = up.scope_id AND d.period_id = up.period_id
        ORDER BY d.n
        """;

    /// <summary>
    /// Moves the totals by <paramref name="credits"/> (the rows just written) and writes their events; returns how
    /// many outbox rows it wrote. The caller NOTIFYs.
    /// </summary>
    public static async Task<int> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CreditingSetup setup, IReadOnlyList<Credit> credits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(credits);
        var deltas = Deltas(setup, credits);
        if (deltas.Count == 0)
        {
            return 0;
        }

        // Sorted keys: two transactions moving overlapping totals lock the rows in one order and never deadlock.
        var keys = deltas.Where(d => d.Value != 0).Select(d => d.Key).OrderBy(k => k.Scope).ThenBy(k => k.ScopeId).ThenBy(k => k.PeriodId).ToArray();
        if (keys.Length == 0)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand(Upsert, connection, transaction);
        command.Parameters.AddWithValue("tenant", setup.TenantId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.Add(new NpgsqlParameter("scopes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Scope.ToString()).ToArray() });
        command.Parameters.AddWithValue("ids", keys.Select(k => k.ScopeId).ToArray());
        command.Parameters.AddWithValue("periods", keys.Select(k => k.PeriodId).ToArray());
        command.Parameters.AddWithValue("deltas", keys.Select(k => deltas[k]).ToArray());
        var events = new List<IOutboxEvent>(keys.Length);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var credited = reader.GetDecimal(3);
                decimal? quota = reader.IsDBNull(5) ? null : reader.GetDecimal(5);
                events.Add(new AttainmentChanged(
                    Guid.CreateVersion7(now),
                    setup.TenantId,
                    now,
                    Enum.Parse<AttainmentScope>(reader.GetString(0)),
                    reader.GetGuid(1),
                    reader.GetGuid(2),
                    QuotaType.Revenue,
                    credited,
                    credited - reader.GetDecimal(4),
                    quota,
                    AttainmentMath.Percent(credited, quota),
                    setup.ReportingCurrency));
            }
        }

        return await OutboxWriter.WriteAsync(connection, transaction, setup.TenantId, events, cancellationToken);
    }

    /// <summary>The net change of every (scope, id, period) total that <paramref name="credits"/> move; see the remarks on what counts.</summary>
    public static Dictionary<Key, decimal> Deltas(CreditingSetup setup, IReadOnlyList<Credit> credits)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(credits);
        var sums = new Dictionary<Key, decimal>();
        foreach (var credit in credits)
        {
            if (credit.ReportingAmount == 0)
            {
                continue;
            }

            var type = credit.BaseType;
            foreach (var period in setup.PeriodsOf(credit.PostingDate))
            {
                Add(new Key(AttainmentScope.Participant, credit.ParticipantId, period), credit.ReportingAmount);
                if (type is CreditType.Direct or CreditType.Split or CreditType.Territory)
                {
                    foreach (var team in setup.Organisation.TeamsOf(credit.ParticipantId))
                    {
                        Add(new Key(AttainmentScope.Team, team, period), credit.ReportingAmount);
                    }
                }

                if (type == CreditType.Territory && credit.TerritoryId is { } territory)
                {
                    foreach (var id in setup.TerritoryChain(territory))
                    {
                        Add(new Key(AttainmentScope.Territory, id, period), credit.ReportingAmount);
                    }
                }
            }
        }

        return sums;

        void Add(Key key, decimal amount) => sums[key] = sums.GetValueOrDefault(key) + amount;
    }

    /// <summary>
    /// Rebuilds every tenant's totals from the credit ledger (the migration that adds the projection runs it; an
    /// operator can run it after repairing data). Same rules as <see cref="Deltas"/>, with today's teams and territories.
    /// </summary>
    public const string RebuildSql = """
        DELETE FROM attainment_totals;
        WITH RECURSIVE team_up AS (
            SELECT id AS team_id, id AS ancestor, 0 AS depth FROM teams
            UNION ALL
            SELECT u.team_id, t.parent_team_id, u.depth + 1 FROM team_up u JOIN teams t ON t.id = u.ancestor
            WHERE t.parent_team_id IS NOT NULL AND u.depth < 64
        ), territory_up AS (
            SELECT id AS territory_id, id AS ancestor, 0 AS depth FROM territories
            UNION ALL
            SELECT u.territory_id, t.parent_id, u.depth + 1 FROM territory_up u JOIN territories t ON t.id = u.ancestor
            WHERE t.parent_id IS NOT NULL AND u.depth < 64
        ), posted AS (
            SELECT c.tenant_id, c.participant_id, c.territory_id, c.adjusted_type, c.reporting_amount, p.period_id
            FROM credits c
            JOIN periods m ON m.id = c.period_id
            LEFT JOIN periods q ON q.id = m.parent_id
            CROSS JOIN LATERAL (VALUES (m.id), (q.id), (q.parent_id)) AS p(period_id)
            WHERE p.period_id IS NOT NULL
        ), moved AS (
            SELECT tenant_id, 'Participant' AS scope, participant_id AS scope_id, period_id, reporting_amount FROM posted
            UNION ALL
            SELECT po.tenant_id, 'Team', tu.ancestor, po.period_id, po.reporting_amount
            FROM posted po JOIN participants pa ON pa.id = po.participant_id JOIN team_up tu ON tu.team_id = pa.team_id
            WHERE po.adjusted_type IN ('Direct', 'Split', 'Territory')
            UNION ALL
            SELECT po.tenant_id, 'Territory', tu.ancestor, po.period_id, po.reporting_amount
            FROM posted po JOIN territory_up tu ON tu.territory_id = po.territory_id
            WHERE po.adjusted_type = 'Territory'
        )
        INSERT INTO attainment_totals (tenant_id, scope, scope_id, period_id, quota_type, credited, updated_at)
        SELECT tenant_id, scope, scope_id, period_id, 'Revenue', sum(reporting_amount), now()
        FROM moved GROUP BY tenant_id, scope, scope_id, period_id;
        """;

    /// <summary>One total of the projection.</summary>
    public readonly record struct Key(AttainmentScope Scope, Guid ScopeId, Guid PeriodId);
}
