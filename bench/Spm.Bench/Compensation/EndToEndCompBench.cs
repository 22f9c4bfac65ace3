using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Spm.Bench.Ingest;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;

namespace Spm.Bench.Compensation;

/// <summary>
/// The end-to-end part of `./spm bench comp` (also alone as `./spm bench comp-e2e [PARTICIPANTS] [CREDITS]`): a
/// full calculation run of a month for 10,000 participants and 2,000,000 credits in PostgreSQL, exactly as the
/// API's worker runs it (<see cref="CalculationRunExecutor"/>: claim, load credits through one reader, engine in
/// parallel, statements written by binary COPY, all in one transaction), against a baseline measured in the same
/// run: a plain <c>SELECT participant_id, sum(pay_amount) ... GROUP BY participant_id</c> over the same credits.
/// The data is seeded by SQL (generate_series) into a fresh tenant of the bench database.
/// </summary>
internal sealed class EndToEndCompBench : IBenchmark
{
    private const double TargetSeconds = 10;

    // Commission by product, a per-deal SPIFF on widgets in a window, a period cap: work for every credit, no quota needed.
    private const string PlanDocument = """
        { "currency": "USD", "periodCap": 60000, "components": [
          { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL", "creditTypes": ["DIRECT", "SPLIT", "ROLLUP"],
            "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.05 } ] },
                            { "product": "SERVICES", "tiers": [ { "from": 0, "rate": 0.02 } ] },
                            { "product": "SUPPORT", "tiers": [ { "from": 0, "rate": 0.03 } ] } ] },
          { "type": "SPIFF", "id": "widget", "name": "Widget blitz", "products": ["WIDGET"], "from": "2026-03-10", "to": "2026-03-20", "basis": "PER_DEAL", "amount": 25 } ] }
        """;

    public string Name => "comp-e2e";

    public string Summary => "compensation end to end: a calculation run of 10,000 participants and 2,000,000 credits from PostgreSQL, results written (target <= 10 s)";

    public Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var participants = context.Arguments.Count > 0 ? int.Parse(context.Arguments[0], CultureInfo.InvariantCulture) : 10_000;
        var credits = context.Arguments.Count > 1 ? int.Parse(context.Arguments[1], CultureInfo.InvariantCulture) : 2_000_000;
        return RunAsync(context, participants, credits, cancellationToken);
    }

    /// <summary>The end-to-end measurement; the in-memory `comp` suite calls it when a bench database is configured.</summary>
    public static async Task RunAsync(BenchContext context, int participants, int credits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connectionString = await BenchTenant.PrepareDatabaseAsync(context.RequirePostgres(), cancellationToken);
        var tenantId = Guid.CreateVersion7();
        var seed = Stopwatch.StartNew();
        var march = await SeedAsync(connectionString, tenantId, participants, credits, cancellationToken);
        BenchContext.Report("seed (tenant, plan, assignments, sales, credits by SQL)", seed.Elapsed.TotalMilliseconds, "ms", $"{participants:N0} participants, {credits:N0} credits");

        // Warm-up run (JIT, plans, caches), then the measured run: both complete runs of their own.
        await FullRunAsync(connectionString, tenantId, march, cancellationToken);
        var watch = Stopwatch.StartNew();
        var outcome = await FullRunAsync(connectionString, tenantId, march, cancellationToken);
        var full = watch.Elapsed;

        await using var db = BenchTenant.Context(connectionString, tenantId);
        watch.Restart();
        var loaded = await CompensationInputLoader.LoadCreditsAsync(db, tenantId, march.StartDate, march.StartDate, march.EndDate, null, cancellationToken);
        var load = watch.Elapsed;

        watch.Restart();
        var groups = await BaselineAsync(connectionString, tenantId, march, cancellationToken);
        var baseline = watch.Elapsed;

        BenchContext.Report("statements written", outcome.Participants, "people", $"{outcome.Lines:N0} lines, {outcome.Credits:N0} credits read");
        foreach (var (currency, total) in outcome.PayoutByCurrency)
        {
            BenchContext.Report($"payout in {currency}", (double)total, currency);
        }

        BenchContext.Report("full run end to end (load, engine, write, commit)", full.TotalMilliseconds, "ms",
            full.TotalSeconds <= TargetSeconds ? "target <= 10 s met" : "TARGET <= 10 s MISSED");
        BenchContext.Report("end to end", outcome.Credits / full.TotalSeconds, "credits/s");
        BenchContext.Report("  of which: load the credits (one reader)", load.TotalMilliseconds, "ms", $"{loaded.Count:N0} rows");
        BenchContext.Report("baseline: SELECT sum(pay_amount) GROUP BY participant", baseline.TotalMilliseconds, "ms", $"{groups:N0} groups");
        BenchContext.Report("full run / baseline", full.TotalSeconds / baseline.TotalSeconds, "x");
    }

    private static async Task<CalculationRunExecutor.Outcome> FullRunAsync(string connectionString, Guid tenantId, Period march, CancellationToken cancellationToken)
    {
        await using var db = BenchTenant.Context(connectionString, tenantId);
        var run = CalculationRunExecutor.NewRun(tenantId, march, CalculationRunKind.Regular, null, null, "bench", DateTimeOffset.UtcNow);
        db.CalculationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await using var dataSource = SpmDataSource.Create(connectionString);
        return await CalculationRunExecutor.RunAsync(dataSource, run.Id, new CalculationRunLeases.Policy("bench", TimeSpan.FromMinutes(5), 1), TimeProvider.System, null, cancellationToken);
    }

    private static async Task<int> BaselineAsync(string connectionString, Guid tenantId, Period march, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT participant_id, sum(pay_amount) FROM credits WHERE tenant_id = $1 AND posting_date BETWEEN $2 AND $3 GROUP BY participant_id", connection)
        {
            Parameters = { new() { Value = tenantId }, new() { Value = march.StartDate }, new() { Value = march.EndDate } },
        };
        var groups = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _ = reader.GetDecimal(1);
            groups++;
        }

        return groups;
    }

    private static async Task<Period> SeedAsync(string connectionString, Guid tenantId, int participants, int credits, CancellationToken cancellationToken)
    {
        await using var db = BenchTenant.Context(connectionString, tenantId);
        var tenant = new Tenant(tenantId, "Comp bench", $"comp-{tenantId:N}"[..30], "UTC", "USD", 1);
        db.Tenants.Add(tenant);
        var periods = Period.Generate(tenantId, tenant.Calendar, 2026);
        db.Periods.AddRange(periods);
        var plan = new StoredCompPlan { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = "Bench AE", CreatedAt = DateTimeOffset.UtcNow };
        var (_, document) = CompPlanDocuments.Normalise(PlanDocument, plan.Id, 1, plan.Name, new DateOnly(2026, 1, 1), null);
        db.CompPlans.Add(plan);
        db.CompPlanVersions.Add(new StoredCompPlanVersion
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            PlanId = plan.Id,
            Version = 1,
            Status = CompPlanVersionStatus.Published,
            EffectiveFrom = new DateOnly(2026, 1, 1),
            Document = document,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "bench",
            PublishedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        var march = periods.Single(p => p.Kind == PeriodKind.Month && p.Number == 3);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var sales = Math.Max(1, credits / 4);
        var sql = $"""
            INSERT INTO participants (id, tenant_id, name, email, role, hire_date, pay_currency, status)
            SELECT md5('{tenantId}p' || g)::uuid, '{tenantId}', 'Rep ' || g, 'rep' || g || '@{tenantId:N}.example', 'Rep', '2024-01-01', 'USD', 'Active'
            FROM generate_series(0, {participants - 1}) g;
            INSERT INTO comp_plan_assignments (id, tenant_id, participant_id, plan_id, effective_from, on_target_earnings, target_incentive, currency, created_at)
            SELECT md5('{tenantId}a' || g)::uuid, '{tenantId}', md5('{tenantId}p' || g)::uuid, '{plan.Id}', '2026-01-01', 150000, 50000, 'USD', now()
            FROM generate_series(0, {participants - 1}) g;
            INSERT INTO sales (id, tenant_id, source, external_id, current_revision, is_cancelled, content_hash, amount, currency, reporting_amount, reporting_currency,
                               close_date, product, segment, owner_participant_id, recorded_at, updated_at)
            SELECT md5('{tenantId}s' || g)::uuid, '{tenantId}', 'bench', 'S-' || g, 1, false, md5(g::text), 100 + (g * 37 % 9900), 'USD', 100 + (g * 37 % 9900), 'USD',
                   DATE '2026-03-01' + (g % 31), (ARRAY['LICENCE','SERVICES','SUPPORT','WIDGET','TRAINING'])[1 + g % 5], 'MID',
                   md5('{tenantId}p' || (g * 4 % {participants}))::uuid, now(), now()
            FROM generate_series(0, {sales - 1}) g;
            INSERT INTO credits (id, tenant_id, sale_id, sale_revision_id, sale_revision, type, adjusted_type, is_reversal, rule_id, participant_id, reason,
                                 amount, currency, reporting_amount, reporting_currency, pay_amount, pay_currency, close_date, posting_date, period_id)
            SELECT md5('{tenantId}c' || g || '-' || k)::uuid, '{tenantId}', md5('{tenantId}s' || g)::uuid, md5('{tenantId}s' || g)::uuid, 1,
                   CASE WHEN k = 0 THEN 'Direct' WHEN k = 1 THEN 'Split' ELSE 'Rollup' END, CASE WHEN k = 0 THEN 'Direct' WHEN k = 1 THEN 'Split' ELSE 'Rollup' END,
                   false, '{tenantId}', md5('{tenantId}p' || ((g * 4 + k) % {participants}))::uuid, 'bench',
                   (100 + (g * 37 % 9900)) / 2, 'USD', (100 + (g * 37 % 9900)) / 2, 'USD', (100 + (g * 37 % 9900)) / 2, 'USD',
                   DATE '2026-03-01' + (g % 31), DATE '2026-03-01' + (g % 31), '{march.Id}'
            FROM generate_series(0, {sales - 1}) g CROSS JOIN generate_series(0, 3) k;
            ANALYZE participants; ANALYZE sales; ANALYZE credits;
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
        return march;
    }
}
