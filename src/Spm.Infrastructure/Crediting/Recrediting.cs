using System.Text.Json;
using Npgsql;
using Spm.Domain.Crediting;
using Spm.Domain.Events;
using Spm.Domain.Sales;
using Spm.Infrastructure.Outbox;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// Re-runs crediting over stored sales with today's rules, rates, organisation and territories and appends the
/// difference as adjustment credits (<see cref="CreditLedger.Recredit"/>): stored credits are never rewritten, a
/// locked period is never written (its adjustments post on the open posting date), and a second run over the same
/// range writes nothing. Runs in the caller's transaction under the tenant's exclusive ingestion lock, so no sale
/// changes under it; writes the adjustments, one <c>credits.changed</c> event per adjusted sale, the attainment
/// moves with their <c>attainment.changed</c> events, and NOTIFYs.
/// </summary>
public static class Recrediting
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What a run did (or, dry, would do).</summary>
    /// <param name="SalesExamined">Sales closed in the range, cancelled ones included (their standing credits must be zero).</param>
    /// <param name="Adjustments">The adjustment rows, as stored (or as they would be).</param>
    public sealed record Result(int SalesExamined, int SalesAdjusted, IReadOnlyList<StoredCredit> Adjustments);

    public static async Task<Result> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CreditingSetup setup, DateOnly closedFrom, DateOnly closedTo, bool dryRun, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(setup);
        await SalesLedger.LockAsync(connection, transaction, setup.TenantId, null, cancellationToken);

        var revisions = new List<SaleRevision>();
        var saleIds = new Dictionary<(string Source, string ExternalId), (Guid SaleId, Guid RevisionId)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT s.id, r.id, s.source, s.external_id, r.number, r.kind, r.amount, r.currency, r.close_date, r.account_id, r.product, r.segment, r.owner_participant_id, r.co_sellers, r.recorded_at
            FROM sales s JOIN sale_revisions r ON r.sale_id = s.id AND r.number = s.current_revision
            WHERE s.tenant_id = @tenant AND s.close_date BETWEEN @from AND @to
            ORDER BY s.id
            """,
            connection,
            transaction))
        {
            command.Parameters.AddWithValue("tenant", setup.TenantId);
            command.Parameters.AddWithValue("from", closedFrom);
            command.Parameters.AddWithValue("to", closedTo);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var source = reader.GetString(2);
                var externalId = reader.GetString(3);
                var coSellers = reader.IsDBNull(13) ? null : JsonSerializer.Deserialize<List<CoSeller>>(reader.GetString(13), Json);
                var content = new Sale(setup.TenantId, source, externalId, reader.GetDecimal(6), reader.GetString(7).Trim(), reader.GetFieldValue<DateOnly>(8),
                    reader.IsDBNull(9) ? null : reader.GetGuid(9), reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetGuid(12), coSellers);
                revisions.Add(new SaleRevision(reader.GetInt32(4), Enum.Parse<SaleRevisionKind>(reader.GetString(5)), content, reader.GetFieldValue<DateTimeOffset>(14)));
                saleIds[(source, externalId)] = (reader.GetGuid(0), reader.GetGuid(1));
            }
        }

        var existing = new List<Credit>();
        var keyOf = saleIds.ToDictionary(p => p.Value.SaleId, p => p.Key);
        foreach (var (saleId, stored) in await CreditRows.LoadAsync(connection, transaction, setup.TenantId, keyOf.Keys, cancellationToken))
        {
            var (source, externalId) = keyOf[saleId];
            existing.AddRange(stored.Select(s => s.Credit with { Source = source, SaleExternalId = externalId }));
        }

        var adjustments = new List<Credit>();
        CreditLedger.Recredit(setup.NewEngine(), revisions, existing, adjustments);
        var rows = adjustments.Select(a =>
        {
            var (saleId, revisionId) = saleIds[(a.Source, a.SaleExternalId)];
            return new StoredCredit
            {
                Id = Guid.CreateVersion7(now),
                TenantId = setup.TenantId,
                SaleId = saleId,
                SaleRevisionId = revisionId,
                SaleRevision = a.SaleRevision,
                Type = a.Type.ToString(),
                AdjustedType = a.AdjustedType.ToString(),
                RuleId = a.RuleId,
                ParticipantId = a.ParticipantId,
                Reason = a.Reason,
                Amount = a.Amount,
                Currency = a.Currency,
                ReportingAmount = a.ReportingAmount,
                ReportingCurrency = a.ReportingCurrency,
                PayAmount = a.PayAmount,
                PayCurrency = a.PayCurrency,
                CloseDate = a.CloseDate,
                PostingDate = a.PostingDate,
                PeriodId = setup.PeriodOf(a.PostingDate),
                TerritoryId = a.TerritoryId,
            };
        }).ToList();
        var result = new Result(revisions.Count, rows.Select(r => r.SaleId).Distinct().Count(), rows);
        if (dryRun || rows.Count == 0)
        {
            return result;
        }

        await using (var import = await connection.BeginBinaryImportAsync(CreditRows.Copy, cancellationToken))
        {
            // rows[i] is adjustments[i] as stored (ids, sale, period), so the written rows are the ones returned.
            for (var i = 0; i < rows.Count; i++)
            {
                CreditRows.Write(import, rows[i].Id, rows[i].TenantId, rows[i].SaleId, rows[i].SaleRevisionId, adjustments[i], rows[i].Reason, rows[i].PeriodId);
            }

            await import.CompleteAsync(cancellationToken);
        }

        var events = new List<IOutboxEvent>();
        foreach (var sale in adjustments.GroupBy(a => (a.Source, a.SaleExternalId)))
        {
            var list = sale.ToList();
            var deltas = CreditsChanged.Summarise(list);
            if (deltas.Count > 0)
            {
                events.Add(new CreditsChanged(Guid.CreateVersion7(now), setup.TenantId, now, sale.Key.Source, sale.Key.SaleExternalId, list[0].SaleRevision, setup.ReportingCurrency, deltas));
            }
        }

        var outbox = await OutboxWriter.WriteAsync(connection, transaction, setup.TenantId, events, cancellationToken);
        outbox += await AttainmentEvents.ApplyAsync(connection, transaction, setup, adjustments, now, cancellationToken);
        if (outbox > 0)
        {
            await OutboxWriter.NotifyAsync(connection, transaction, setup.TenantId, cancellationToken);
        }

        return result;
    }
}
