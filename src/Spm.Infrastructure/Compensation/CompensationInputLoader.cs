using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Spm.Domain.Compensation;
using Spm.Domain.Crediting;
using Spm.Domain.Currency;
using Spm.Domain.Organisation;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Reads everything one calculation needs from PostgreSQL into the engine's <see cref="CompensationInput"/>:
/// published plan versions (or a what-if's draft), assignments, month quotas, exchange rates, the locked
/// statements of earlier periods of the fiscal year and the credits. Credits are the bulk (millions in a big
/// tenant), so they stream through binary COPY rather than EF.
/// </summary>
public static class CompensationInputLoader
{
    /// <summary>What to calculate.</summary>
    /// <param name="Scope">Only these participants; everyone on a plan when null.</param>
    /// <param name="WhatIfVersion">A draft version used in place of its plan's published ones.</param>
    public sealed record Request(Period Period, IReadOnlyCollection<Guid>? Scope, StoredCompPlanVersion? WhatIfVersion, int MaxDegreeOfParallelism = -1);

    public static async Task<CompensationInput> LoadAsync(SpmDbContext db, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Period;
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == period.TenantId, cancellationToken);
        var yearStart = tenant.Calendar.Year(period.FiscalYear).Start;
        var compPeriod = new CompPeriod(period.StartDate, period.EndDate);

        var assignmentRows = await db.CompPlanAssignments.AsNoTracking()
            .Where(a => a.EffectiveFrom <= period.EndDate && (a.EffectiveTo == null || a.EffectiveTo >= period.StartDate))
            .ToListAsync(cancellationToken);
        if (request.Scope is { } scope)
        {
            var wanted = scope.ToHashSet();
            assignmentRows = [.. assignmentRows.Where(a => wanted.Contains(a.ParticipantId))];
        }

        var planIds = assignmentRows.Select(a => a.PlanId).Distinct().ToList();
        var versions = await db.CompPlanVersions.AsNoTracking()
            .Where(v => planIds.Contains(v.PlanId) && v.Status == CompPlanVersionStatus.Published)
            .ToListAsync(cancellationToken);
        var plans = versions.Select(CompPlanDocuments.ToPlan).ToList();
        var whatIf = request.WhatIfVersion;
        if (whatIf is not null)
        {
            plans.Add(CompPlanDocuments.ToPlan(whatIf));
        }

        var assignments = assignmentRows.OrderBy(a => a.Id).Select(a => new PlanAssignment
        {
            AssignmentId = a.Id,
            ParticipantId = a.ParticipantId,
            PlanId = a.PlanId,
            PlanVersion = whatIf is not null && whatIf.PlanId == a.PlanId ? whatIf.Version : null,
            From = a.EffectiveFrom,
            To = a.EffectiveTo,
            OnTargetEarnings = a.OnTargetEarnings,
            TargetIncentive = a.TargetIncentive,
            Currency = a.Currency.Trim(),
        }).ToList();
        var participants = assignments.Select(a => a.ParticipantId).Distinct().ToList();

        // Month quotas only: quarters and years are sums of months, and passing them too would count twice.
        var monthIds = await db.Periods.AsNoTracking()
            .Where(p => p.Kind == PeriodKind.Month && p.StartDate <= period.EndDate && p.EndDate >= yearStart)
            .Select(p => new { p.Id, p.StartDate, p.EndDate }).ToListAsync(cancellationToken);
        var monthById = monthIds.ToDictionary(p => p.Id);
        var monthKeys = monthById.Keys.ToList();
        var quotaRows = await db.Quotas.AsNoTracking()
            .Where(q => q.Type == QuotaType.Revenue && q.ParticipantId != null && monthKeys.Contains(q.PeriodId))
            .Select(q => new { ParticipantId = q.ParticipantId!.Value, q.PeriodId, q.Amount, q.Currency })
            .ToListAsync(cancellationToken);
        var inScope = participants.ToHashSet();
        var quotas = quotaRows.Where(q => inScope.Contains(q.ParticipantId) && q.Currency is not null)
            .Select(q => new ParticipantQuota(q.ParticipantId, monthById[q.PeriodId].StartDate, monthById[q.PeriodId].EndDate, q.Amount, q.Currency!.Trim()))
            .ToList();

        // Hand-made adjustments (resolved disputes) are paid through the engine as awards, so they are statement
        // lines like any other and the totals stay sums of lines.
        var adjustments = await db.CompAdjustments.AsNoTracking().Where(a => a.PeriodId == period.Id).ToListAsync(cancellationToken);
        var awards = adjustments.Where(a => inScope.Contains(a.ParticipantId)).OrderBy(a => a.Id)
            .Select(a => new SpiffAward(a.Id, a.ParticipantId, a.Reason, a.Amount, a.Currency.Trim(), period.StartDate)).ToList();
        var rates = await db.FxRates.AsNoTracking().ToListAsync(cancellationToken);
        var (priors, draws) = await LockedStatementsAsync(db, period, yearStart, inScope, cancellationToken);
        var credits = participants.Count == 0
            ? []
            : await LoadCreditsAsync(db, period.TenantId, yearStart, period.StartDate, period.EndDate, request.Scope is null ? null : participants, cancellationToken);

        return new CompensationInput
        {
            Period = compPeriod,
            FiscalYearStartMonth = tenant.FiscalYearStartMonth,
            Plans = plans,
            Assignments = assignments,
            Credits = credits,
            Quotas = quotas,
            DrawBalances = draws,
            PriorPeriods = priors,
            Awards = awards,
            Fx = new FxRateTable(tenant.Id, tenant.ReportingCurrency, rates),
            Participants = request.Scope is null ? null : participants,
            MaxDegreeOfParallelism = request.MaxDegreeOfParallelism,
        };
    }

    /// <summary>
    /// The credits a calculation reads: every ledger row posted from the fiscal year's start to the period's end
    /// (bonus windows, year caps), plus rows of sales cancelled during the period whatever their posting date
    /// (clawbacks). A row of a cancelled sale carries the day the cancellation arrived; the reversal rows the
    /// cancellation itself wrote are left out, because the engine takes the earnings back itself (a clawback inside
    /// the window, nothing outside it) and the reversal would subtract a second time.
    /// </summary>
    public static async Task<List<CompCredit>> LoadCreditsAsync(
        SpmDbContext db, Guid tenantId, DateOnly from, DateOnly periodStart, DateOnly periodEnd, IReadOnlyCollection<Guid>? participants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            // COPY takes no parameters: the values are formatted here, all of them typed (uuid, date), never text from a caller.
            var filter = participants is null ? string.Empty : $" AND c.participant_id = ANY('{{{string.Join(',', participants)}}}'::uuid[])";
            var sql = $"""
                COPY (SELECT c.id, c.participant_id, c.sale_id, c.type, c.adjusted_type, c.pay_amount, c.pay_currency, c.close_date, c.posting_date,
                             s.product, s.segment, CASE WHEN s.is_cancelled THEN (s.updated_at AT TIME ZONE 'UTC')::date END
                      FROM credits c JOIN sales s ON s.id = c.sale_id
                      WHERE c.tenant_id = '{tenantId}'{filter}
                        AND NOT (s.is_cancelled AND c.is_reversal AND c.sale_revision = s.current_revision)
                        AND (c.posting_date BETWEEN '{from:yyyy-MM-dd}' AND '{periodEnd:yyyy-MM-dd}'
                             OR (s.is_cancelled AND (s.updated_at AT TIME ZONE 'UTC')::date BETWEEN '{periodStart:yyyy-MM-dd}' AND '{periodEnd:yyyy-MM-dd}')))
                TO STDOUT (FORMAT BINARY)
                """;
            var result = new List<CompCredit>(1024);
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            await using var reader = await connection.BeginBinaryExportAsync(sql, cancellationToken);
            while (await reader.StartRowAsync(cancellationToken) != -1)
            {
                var id = await reader.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken);
                var participant = await reader.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken);
                var sale = await reader.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken);
                var type = Intern(strings, await reader.ReadAsync<string>(NpgsqlDbType.Varchar, cancellationToken));
                var adjusted = Intern(strings, await reader.ReadAsync<string>(NpgsqlDbType.Varchar, cancellationToken));
                var amount = await reader.ReadAsync<decimal>(NpgsqlDbType.Numeric, cancellationToken);
                var currency = Intern(strings, await reader.ReadAsync<string>(NpgsqlDbType.Varchar, cancellationToken));
                var close = await reader.ReadAsync<DateOnly>(NpgsqlDbType.Date, cancellationToken);
                var posting = await reader.ReadAsync<DateOnly>(NpgsqlDbType.Date, cancellationToken);
                var product = reader.IsNull ? Skip(reader) : Intern(strings, await reader.ReadAsync<string>(NpgsqlDbType.Varchar, cancellationToken));
                var segment = reader.IsNull ? Skip(reader) : Intern(strings, await reader.ReadAsync<string>(NpgsqlDbType.Varchar, cancellationToken));
                DateOnly? cancelled = reader.IsNull ? SkipDate(reader) : await reader.ReadAsync<DateOnly>(NpgsqlDbType.Date, cancellationToken);
                var creditType = Enum.Parse<CreditType>(type);
                result.Add(new CompCredit
                {
                    CreditId = id,
                    ParticipantId = participant,
                    SaleId = sale,
                    // An adjustment counts as the type it corrects (Credit.BaseType).
                    Type = creditType == CreditType.Adjustment ? Enum.Parse<CreditType>(adjusted) : creditType,
                    Amount = amount,
                    Currency = currency,
                    Product = product,
                    Segment = segment,
                    // The ledger keeps no unit count: each credit is one unit of its sale.
                    Quantity = 1m,
                    CloseDate = close,
                    PostingDate = posting,
                    CancelledOn = cancelled,
                });
            }

            return result;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static string Intern(Dictionary<string, string> strings, string value)
    {
        if (strings.TryGetValue(value, out var known))
        {
            return known;
        }

        strings[value] = value;
        return value;
    }

    private static string? Skip(NpgsqlBinaryExporter reader)
    {
        reader.Skip();
        return null;
    }

    private static DateOnly? SkipDate(NpgsqlBinaryExporter reader)
    {
        reader.Skip();
        return null;
    }

    /// <summary>Locked statements of earlier periods of the fiscal year, and the draw balance carried out of the latest one.</summary>
    private static async Task<(List<PriorPeriodResult> Priors, List<DrawBalance> Draws)> LockedStatementsAsync(
        SpmDbContext db, Period period, DateOnly yearStart, HashSet<Guid> participants, CancellationToken cancellationToken)
    {
        var locked = await (from b in db.PayoutBatches.AsNoTracking()
                            join p in db.Periods.AsNoTracking() on b.PeriodId equals p.Id
                            where b.Status == PayoutStatus.Locked && p.EndDate < period.StartDate
                            select new { b.RunId, p.StartDate, p.EndDate }).ToListAsync(cancellationToken);
        var priors = new List<PriorPeriodResult>();
        var draws = new Dictionary<Guid, DrawBalance>();
        foreach (var run in locked.OrderBy(l => l.StartDate))
        {
            var results = await db.CalculationResults.AsNoTracking().Where(r => r.RunId == run.RunId).ToListAsync(cancellationToken);
            results = [.. results.Where(r => participants.Contains(r.ParticipantId))];
            var ids = results.Select(r => r.ParticipantId).ToList();
            var lines = (await db.CalculationLines.AsNoTracking().Where(l => l.RunId == run.RunId && ids.Contains(l.ParticipantId)).ToListAsync(cancellationToken))
                .ToLookup(l => l.ParticipantId);
            var compPeriod = new CompPeriod(run.StartDate, run.EndDate);
            foreach (var r in results)
            {
                // Every locked period carries the balance on; the latest one before this period wins.
                draws[r.ParticipantId] = new DrawBalance(r.ParticipantId, r.DrawBalanceCarried, r.Currency.Trim());
                if (run.StartDate >= yearStart)
                {
                    priors.Add(new PriorPeriodResult(CalculationResults.ToParticipantResult(r, lines[r.ParticipantId], compPeriod)));
                }
            }
        }

        return (priors, [.. draws.Values.Where(d => d.Amount != 0)]);
    }
}
