using Npgsql;
using NpgsqlTypes;
using Spm.Domain.Crediting;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// The credits table as the ledger's writers see it: one COPY shape and one reader, shared by sales ingestion
/// (live and bulk) and re-crediting, so a new column is added in one place.
/// </summary>
internal static class CreditRows
{
    public const string Copy = """
        COPY credits (id, tenant_id, sale_id, sale_revision_id, sale_revision, type, adjusted_type, is_reversal, reverses_revision, rule_id, participant_id, reason,
            amount, currency, reporting_amount, reporting_currency, pay_amount, pay_currency, close_date, posting_date, period_id, territory_id) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Writes one row of <see cref="Copy"/>; synchronous, as the importer buffers (the bulk path writes millions).</summary>
    public static void Write(NpgsqlBinaryImporter import, Guid id, Guid tenantId, Guid saleId, Guid revisionId, Credit credit, string reason, Guid? periodId)
    {
        ArgumentNullException.ThrowIfNull(import);
        import.StartRow();
        import.Write(id, NpgsqlDbType.Uuid);
        import.Write(tenantId, NpgsqlDbType.Uuid);
        import.Write(saleId, NpgsqlDbType.Uuid);
        import.Write(revisionId, NpgsqlDbType.Uuid);
        import.Write(credit.SaleRevision, NpgsqlDbType.Integer);
        import.Write(TypeName(credit.Type), NpgsqlDbType.Text);
        import.Write(TypeName(credit.AdjustedType), NpgsqlDbType.Text);
        import.Write(credit.IsReversal, NpgsqlDbType.Boolean);
        import.WriteNullable(credit.IsReversal ? credit.ReversesRevision : (int?)null, NpgsqlDbType.Integer);
        import.Write(credit.RuleId, NpgsqlDbType.Uuid);
        import.Write(credit.ParticipantId, NpgsqlDbType.Uuid);
        import.Write(reason, NpgsqlDbType.Text);
        import.Write(credit.Amount, NpgsqlDbType.Numeric);
        import.Write(credit.Currency, NpgsqlDbType.Text);
        import.Write(credit.ReportingAmount, NpgsqlDbType.Numeric);
        import.Write(credit.ReportingCurrency, NpgsqlDbType.Text);
        import.Write(credit.PayAmount, NpgsqlDbType.Numeric);
        import.Write(credit.PayCurrency, NpgsqlDbType.Text);
        import.Write(credit.CloseDate, NpgsqlDbType.Date);
        import.Write(credit.PostingDate, NpgsqlDbType.Date);
        import.WriteNullable(periodId, NpgsqlDbType.Uuid);
        import.WriteNullable(credit.TerritoryId, NpgsqlDbType.Uuid);
    }

    /// <summary>
    /// Every stored credit of <paramref name="saleIds"/> by sale, in the order they were written (revision, then id),
    /// with the reason stored for each (a reversal's reason quotes the row it cancels, so it is kept, not re-rendered).
    /// </summary>
    public static async Task<Dictionary<Guid, List<(Credit Credit, string Reason)>>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, IReadOnlyCollection<Guid> saleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saleIds);
        var bySale = new Dictionary<Guid, List<(Credit, string)>>();
        await using var command = new NpgsqlCommand(
            """
            SELECT sale_id, sale_revision, type, adjusted_type, is_reversal, reverses_revision, rule_id, participant_id, reason, amount, currency,
                   reporting_amount, reporting_currency, pay_amount, pay_currency, close_date, posting_date, territory_id
            FROM credits WHERE tenant_id = @tenant AND sale_id = ANY(@ids) ORDER BY sale_id, sale_revision, id
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("ids", saleIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var credit = new Credit
            {
                TenantId = tenantId,
                SaleRevision = reader.GetInt32(1),
                Type = Enum.Parse<CreditType>(reader.GetString(2)),
                AdjustedType = Enum.Parse<CreditType>(reader.GetString(3)),
                IsReversal = reader.GetBoolean(4),
                ReversesRevision = reader.IsDBNull(5) ? 0 : reader.GetInt32(5),
                RuleId = reader.GetGuid(6),
                ParticipantId = reader.GetGuid(7),
                Amount = reader.GetDecimal(9),
                Currency = reader.GetString(10).Trim(),
                ReportingAmount = reader.GetDecimal(11),
                ReportingCurrency = reader.GetString(12).Trim(),
                PayAmount = reader.GetDecimal(13),
                PayCurrency = reader.GetString(14).Trim(),
                CloseDate = reader.GetFieldValue<DateOnly>(15),
                PostingDate = reader.GetFieldValue<DateOnly>(16),
                TerritoryId = reader.IsDBNull(17) ? null : reader.GetGuid(17),
            };
            var saleId = reader.GetGuid(0);
            if (!bySale.TryGetValue(saleId, out var list))
            {
                bySale[saleId] = list = [];
            }

            list.Add((credit, reader.GetString(8)));
        }

        return bySale;
    }

    // Names without Enum.ToString's reflection: the bulk path writes two per credit, millions per import.
    private static string TypeName(CreditType type) => type switch
    {
        CreditType.Direct => "Direct",
        CreditType.Split => "Split",
        CreditType.Territory => "Territory",
        CreditType.Overlay => "Overlay",
        CreditType.Rollup => "Rollup",
        CreditType.Adjustment => "Adjustment",
        _ => type.ToString(),
    };
}
