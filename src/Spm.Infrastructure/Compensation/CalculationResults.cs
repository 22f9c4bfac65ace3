using Npgsql;
using NpgsqlTypes;
using Spm.Domain.Compensation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Between the engine's statements and the run's stored results: binary COPY out (a 10,000-participant run
/// writes its lines in one stream) and back into <see cref="ParticipantResult"/> for locked prior periods.
/// </summary>
public static class CalculationResults
{
    /// <summary>Writes every statement of <paramref name="result"/> under <paramref name="runId"/>, in participant order; returns the line count.</summary>
    public static async Task<long> WriteAsync(NpgsqlConnection connection, Guid tenantId, Guid runId, CompensationResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(result);
        var ordered = result.Participants.OrderBy(p => p.ParticipantId).ToList();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY calculation_results (run_id, participant_id, tenant_id, currency, credited, quota, attainment, earnings, draw_paid, draw_recovered, payout, draw_balance_before, draw_balance_carried, line_count) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var p in ordered)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(runId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(p.ParticipantId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(tenantId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(p.Currency, NpgsqlDbType.Char, cancellationToken);
                await writer.WriteAsync(p.Credited, NpgsqlDbType.Numeric, cancellationToken);
                await WriteNullableAsync(writer, p.Quota, cancellationToken);
                await WriteNullableAsync(writer, p.Attainment, cancellationToken);
                await writer.WriteAsync(p.Earnings, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(p.DrawPaid, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(p.DrawRecovered, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(p.Payout, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(p.DrawBalanceBefore, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(p.DrawBalanceCarried, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(p.Lines.Count, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        long lines = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY calculation_lines (run_id, participant_id, line_no, tenant_id, kind, plan_id, plan_version, component_id, component_name, rule, tier, basis, rate, amount, currency, adjusts_from, adjusts_to, award_id, credit_ids, sale_ids, source_basis) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var p in ordered)
            {
                for (var i = 0; i < p.Lines.Count; i++)
                {
                    var line = p.Lines[i];
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(runId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(p.ParticipantId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(i + 1, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(tenantId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(line.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(line.PlanId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(line.PlanVersion, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(line.ComponentId, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(line.ComponentName, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(line.Rule, NpgsqlDbType.Varchar, cancellationToken);
                    if (line.Tier is { } tier)
                    {
                        await writer.WriteAsync(tier, NpgsqlDbType.Integer, cancellationToken);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }

                    await writer.WriteAsync(line.Basis, NpgsqlDbType.Numeric, cancellationToken);
                    await WriteNullableAsync(writer, line.Rate, cancellationToken);
                    await writer.WriteAsync(line.Amount, NpgsqlDbType.Numeric, cancellationToken);
                    await writer.WriteAsync(line.Currency, NpgsqlDbType.Char, cancellationToken);
                    if (line.AdjustsPeriod is { } adjusts)
                    {
                        await writer.WriteAsync(adjusts.Start, NpgsqlDbType.Date, cancellationToken);
                        await writer.WriteAsync(adjusts.End, NpgsqlDbType.Date, cancellationToken);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken);
                        await writer.WriteNullAsync(cancellationToken);
                    }

                    if (line.AwardId is { } award)
                    {
                        await writer.WriteAsync(award, NpgsqlDbType.Uuid, cancellationToken);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }

                    var sources = line.Sources;
                    var creditIds = new Guid[sources.Count];
                    var saleIds = new Guid[sources.Count];
                    var basis = new decimal[sources.Count];
                    for (var s = 0; s < sources.Count; s++)
                    {
                        (creditIds[s], saleIds[s], basis[s]) = (sources[s].CreditId, sources[s].SaleId, sources[s].Basis);
                    }

                    await writer.WriteAsync(creditIds, NpgsqlDbType.Array | NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(saleIds, NpgsqlDbType.Array | NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(basis, NpgsqlDbType.Array | NpgsqlDbType.Numeric, cancellationToken);
                    lines++;
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return lines;
    }

    /// <summary>A stored statement as the engine's result (for locked prior periods: clawbacks, year caps).</summary>
    public static ParticipantResult ToParticipantResult(CalculationResult result, IEnumerable<CalculationLine> lines, CompPeriod period)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lines);
        return new ParticipantResult
        {
            ParticipantId = result.ParticipantId,
            Period = period,
            Currency = result.Currency.Trim(),
            Lines = [.. lines.OrderBy(l => l.LineNo).Select(ToLine)],
            Credited = result.Credited,
            Quota = result.Quota,
            Attainment = result.Attainment,
            Earnings = result.Earnings,
            DrawPaid = result.DrawPaid,
            DrawRecovered = result.DrawRecovered,
            Payout = result.Payout,
            DrawBalanceBefore = result.DrawBalanceBefore,
            DrawBalanceCarried = result.DrawBalanceCarried,
        };
    }

    public static StatementLine ToLine(CalculationLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sources = new LineSource[line.CreditIds.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = new LineSource(line.CreditIds[i], line.SaleIds[i], line.SourceBasis[i]);
        }

        return new StatementLine
        {
            Kind = Enum.Parse<LineKind>(line.Kind),
            PlanId = line.PlanId,
            PlanVersion = line.PlanVersion,
            ComponentId = line.ComponentId,
            ComponentName = line.ComponentName,
            Rule = line.Rule,
            Tier = line.Tier,
            Basis = line.Basis,
            Rate = line.Rate,
            Amount = line.Amount,
            Currency = line.Currency.Trim(),
            Sources = sources,
            AdjustsPeriod = line.AdjustsFrom is { } from && line.AdjustsTo is { } to ? new CompPeriod(from, to) : null,
            AwardId = line.AwardId,
        };
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, decimal? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }
}
