using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// The two non-GraphQL views: a printable HTML statement (same rule as the `statement` field: ReadEarnings and
/// the row-level visibility) and the payroll CSV of a payout (ManagePayouts).
/// </summary>
public static class CompensationEndpoints
{
    public static WebApplication MapSpmCompensation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/statements/{runId}/{participantId}", StatementAsync).RequireAuthorization(AccessMatrix.Policy(Capability.ReadEarnings));
        app.MapGet("/payouts/{payoutId}.csv", PayrollCsvAsync).RequireAuthorization(AccessMatrix.Policy(Capability.ManagePayouts));
        return app;
    }

    private static async Task<IResult> StatementAsync(string runId, string participantId, IDbContextFactory<SpmDbContext> contexts, StatementReader reader, CancellationToken cancellationToken)
    {
        var run = GlobalId.TryDecode(runId, CalculationRunGraphType.TypeName);
        var participant = GlobalId.TryDecode(participantId, Organisation.ParticipantGraphType.TypeName);
        if (run is null || participant is null)
        {
            return Results.NotFound();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // An invisible participant is a 404 like a missing statement: the answer reveals nothing.
        var statement = await reader.ReadAsync(db, participant.Value, null, run, cancellationToken);
        if (statement is null)
        {
            return Results.NotFound();
        }

        var name = await db.Participants.AsNoTracking().Where(p => p.Id == participant).Select(p => p.Name).SingleAsync(cancellationToken);
        return Results.Content(StatementHtml.Render(statement, name), "text/html; charset=utf-8");
    }

    private static async Task<IResult> PayrollCsvAsync(string payoutId, IDbContextFactory<SpmDbContext> contexts, CancellationToken cancellationToken)
    {
        if (GlobalId.TryDecode(payoutId, PayoutGraphType.TypeName) is not { } id)
        {
            return Results.NotFound();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batch = await db.PayoutBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return Results.NotFound();
        }

        if (batch.Status is not (PayoutStatus.Approved or PayoutStatus.Locked))
        {
            return Results.Conflict(new { code = "PAYOUT_NOT_APPROVED", message = $"The payout is {batch.Status.ToString().ToUpperInvariant()}; payroll gets approved payouts only." });
        }

        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == batch.PeriodId, cancellationToken);
        var rows = await (from l in db.PayoutLines.AsNoTracking()
                          join p in db.Participants.AsNoTracking() on l.ParticipantId equals p.Id
                          where l.BatchId == id
                          orderby p.Email, p.Id
                          select new { p.Id, p.Name, p.Email, l.Amount, l.Currency }).ToListAsync(cancellationToken);
        var csv = new StringBuilder("participant_id,name,email,period,period_start,period_end,amount,currency\r\n");
        foreach (var row in rows)
        {
            var currency = row.Currency.Trim();
            var amount = decimal.Round(row.Amount, Domain.Common.CurrencyCode.MinorUnits(currency), MidpointRounding.AwayFromZero);
            csv.Append(CultureInfo.InvariantCulture, $"{row.Id},{Csv(row.Name)},{Csv(row.Email)},{Csv(period.Name)},{period.StartDate:yyyy-MM-dd},{period.EndDate:yyyy-MM-dd},{amount.ToString(CultureInfo.InvariantCulture)},{currency}\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"payout-{period.Name}-{batch.Id}.csv");
    }

    /// <summary>RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula.</summary>
    private static string Csv(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>The HTML view of a statement.</summary>
    private static class StatementHtml
    {
        public static string Render(StatementView s, string participantName)
        {
            var currency = s.Result.Currency.Trim();
            var html = new StringBuilder();
            html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Statement</title>")
                .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px 8px;text-align:left}td.n{text-align:right}@media print{a{display:none}}</style></head><body>");
            html.Append(CultureInfo.InvariantCulture, $"<h1>Statement: {E(participantName)}</h1><p>Period {E(s.Period.Name)} ({s.Period.StartDate:yyyy-MM-dd} to {s.Period.EndDate:yyyy-MM-dd}), run {E(GlobalId.Encode(CalculationRunGraphType.TypeName, s.Run.Id))}, completed {s.Run.FinishedAt:yyyy-MM-dd HH:mm} UTC.</p>");
            html.Append(CultureInfo.InvariantCulture, $"<p>Credited {M(s.Result.Credited, currency)}{(s.Result.Quota is { } q ? $", quota {M(q, currency)}" : string.Empty)}{(s.Result.Attainment is { } a ? $", attainment {(a * 100).ToString("0.##", CultureInfo.InvariantCulture)} %" : string.Empty)}.</p>");
            html.Append("<table><thead><tr><th>#</th><th>Kind</th><th>Component</th><th>Rule</th><th>Basis</th><th>Rate</th><th>Amount</th><th>Credits</th></tr></thead><tbody>");
            foreach (var line in s.Lines)
            {
                var adjusts = line.AdjustsFrom is { } f ? $" (adjusts {f:yyyy-MM-dd} to {line.AdjustsTo:yyyy-MM-dd})" : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{line.LineNo}</td><td>{E(line.Kind)}{E(adjusts)}</td><td>{E(line.ComponentName)} (v{line.PlanVersion})</td><td>{E(line.Rule)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{line.Basis.ToString("0.####", CultureInfo.InvariantCulture)}</td><td class=\"n\">{line.Rate?.ToString("0.########", CultureInfo.InvariantCulture)}</td><td class=\"n\">{M(line.Amount, currency)}</td><td>{line.CreditIds.Length}</td></tr>");
            }

            html.Append("</tbody></table>");
            html.Append(CultureInfo.InvariantCulture, $"<p>Earnings {M(s.Result.Earnings, currency)}; draw paid {M(s.Result.DrawPaid, currency)}; draw recovered {M(s.Result.DrawRecovered, currency)}.</p>");
            html.Append(CultureInfo.InvariantCulture, $"<p><strong>Payout {M(s.Result.Payout, currency)}</strong> (the sum of the lines).</p></body></html>");
            return html.ToString();
        }

        private static string E(string value) => WebUtility.HtmlEncode(value);

        private static string M(decimal amount, string currency)
        {
            var minor = Domain.Common.CurrencyCode.MinorUnits(currency);
            return decimal.Round(amount, minor, MidpointRounding.AwayFromZero).ToString("N" + minor.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + currency;
        }
    }
}
