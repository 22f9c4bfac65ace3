using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Spm.Domain.Common;
using Spm.Domain.Crediting;
using Spm.Domain.Events;
using Spm.Domain.Sales;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Outbox;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// Writes sales, their revisions, their credits and the outbox rows in the caller's transaction: the one path
/// both <c>recordSales</c> and the bulk import use. Classification (new, replay, amendment, cancellation) is a
/// set-based query against the stored sales; replays are recognised there by content hash and write nothing.
/// Amendments and cancellations load the latest revision and go through <see cref="SaleHistory"/> and
/// <see cref="CreditLedger"/>, so history and reversals follow the domain rules exactly.
/// </summary>
/// <remarks>
/// The same external id twice in one batch is applied in order: the batch is cut into rounds (the first
/// delivery of every key, then the second, ...), each classified against what the previous round wrote.
/// Locking (see <see cref="LockAsync"/>) makes two writers of one key take turns, so the loser of a race sees
/// the winner's sale and replays or amends it; the unique index on the key backs this up.
/// </remarks>
public static class SalesLedger
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// How many bulk batches of one tenant may write at once. Every key belongs to one lane (a stable hash of
    /// source and external id), so batches of different lanes never touch the same sale and can run in parallel.
    /// </summary>
    public const int BulkLanes = 2;

    /// <summary>The lane of a key: stable across processes and restarts (FNV-1a over the key's characters).</summary>
    public static int LaneOf(SaleKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 2166136261u;
        foreach (var c in key.Source)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ 1u) * 16777619u;
        foreach (var c in key.ExternalId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % BulkLanes);
    }

    /// <summary>
    /// Serialises writers: the live path takes the lock of each of its keys' lanes shared plus one exclusive lock
    /// per key (both sorted, so two writers never deadlock); a bulk batch takes its lane's lock exclusive
    /// (<see cref="LockLaneAsync"/>); <paramref name="keys"/> null takes every lane exclusive (the whole tenant).
    /// Transaction-scoped locks.
    /// </summary>
    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, IEnumerable<SaleKey>? keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (keys is null)
        {
            for (var lane = 0; lane < BulkLanes; lane++)
            {
                await LockLaneAsync(connection, transaction, tenantId, lane, cancellationToken);
            }

            return;
        }

        var list = keys as IReadOnlyCollection<SaleKey> ?? [.. keys];
        var lanes = list.Select(LaneOf).Distinct().Order().Select(lane => LaneKey(tenantId, lane)).ToArray();
        var sorted = list.Select(k => LockKey($"sale\u0001{k.TenantId:N}\u0001{k.Source}\u0001{k.ExternalId}")).Distinct().Order().ToArray();
        // unnest keeps the array's order, so the locks are taken in sorted order: lanes first, then keys.
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(pg_advisory_xact_lock_shared(l)) FROM unnest(@lanes::bigint[]) AS l), (SELECT count(pg_advisory_xact_lock(k)) FROM unnest(@keys::bigint[]) AS k)",
            connection,
            transaction);
        command.Parameters.AddWithValue("lanes", lanes);
        command.Parameters.AddWithValue("keys", sorted);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A bulk batch's lock: exclusive on one lane of the tenant, so live writers of that lane's keys wait for it.</summary>
    public static async Task LockLaneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, int lane, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lane, BulkLanes);
        await using var exclusive = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction) { Parameters = { new() { Value = LaneKey(tenantId, lane) } } };
        await exclusive.ExecuteNonQueryAsync(cancellationToken);
    }

    private static long LaneKey(Guid tenantId, int lane) => LockKey($"tenant\u0001{tenantId:N}\u0001lane{lane.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static async Task<SalesBatchResult> WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CreditingSetup setup,
        CreditingEngine engine,
        IReadOnlyList<SaleCommand> commands,
        LedgerOptions options,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        Func<SalesBatchResult, CancellationToken, Task>? beforeTotals = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(options);
        var result = new SalesBatchResult();

        // Rounds: the n-th delivery of each key goes into round n.
        var seen = new Dictionary<(string, string), int>();
        var rounds = new List<List<SaleCommand>>();
        foreach (var command in commands)
        {
            var key = command.Key;
            var occurrence = seen.TryGetValue((key.Source, key.ExternalId), out var n) ? n + 1 : 1;
            seen[(key.Source, key.ExternalId)] = occurrence;
            if (rounds.Count < occurrence)
            {
                rounds.Add([]);
            }

            rounds[occurrence - 1].Add(command);
        }

        var written = new List<Credit>(commands.Count * 4);
        var timings = result.Timings;
        timings.Restart();
        foreach (var round in rounds)
        {
            var before = result.Errors.Count;
            var batch = new Round(setup, engine, round, options, now);
            var existing = await ClassifyAsync(connection, transaction, setup.TenantId, round, options.Staging && round.Count > 1000, cancellationToken);
            timings.Mark("classify");
            await batch.PrepareAsync(connection, transaction, existing, cancellationToken);
            timings.Mark("load amended");
            batch.Credit(result.Errors);
            timings.Mark("credit (engine)");
            if (options.AllOrNothing && result.Errors.Count > before)
            {
                return result;
            }

            await batch.WriteAsync(connection, transaction, result, written, cancellationToken);
        }

        if (beforeTotals is not null)
        {
            await beforeTotals(result, cancellationToken);
        }

        // The attainment upsert locks rows every sale of the tenant moves (the company's and the teams' totals) until
        // commit, so concurrent writers of one tenant queue on them: it comes last, after the caller's own writes and the
        // NOTIFY, leaving only the upsert, its outbox rows and the commit inside the lock (PostgreSQL's log showed the
        // upsert waiting up to 270 ms while the NOTIFY and the audit rows still followed it). The NOTIFY is delivered at
        // commit whenever it is issued, never for a rolled-back batch; written credits mean attainment events to come.
        if (result.OutboxRows > 0 || written.Count > 0)
        {
            await OutboxWriter.NotifyAsync(connection, transaction, setup.TenantId, cancellationToken);
        }

        // Attainment moves in the same transaction as the credits: one set-based upsert for the whole call or batch.
        result.OutboxRows += await AttainmentEvents.ApplyAsync(connection, transaction, setup, written, now, cancellationToken);
        timings.Mark("attainment and notify");
        return result;
    }

    private static long LockKey(string text) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);

    /// <summary>The stored head of each command's key that exists, by command position in the round.</summary>
    private static async Task<Dictionary<int, Existing>> ClassifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, List<SaleCommand> round, bool staging, CancellationToken cancellationToken)
    {
        // One unique-index probe per key (LATERAL with LIMIT 1 is not flattened into a join): left to itself the
        // planner hashes the batch and scans every sale of the table, which grows with each batch of a big import.
        const string Select = """
            SELECT st.pos, s.id, s.current_revision, s.is_cancelled, (st.content_hash IS NOT NULL AND st.content_hash = s.content_hash)
            FROM {0} CROSS JOIN LATERAL (
                SELECT s.id, s.current_revision, s.is_cancelled, s.content_hash FROM sales s
                WHERE s.tenant_id = @tenant AND s.source = st.source AND s.external_id = st.external_id LIMIT 1) s
            """;
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.Parameters.AddWithValue("tenant", tenantId);
        if (staging)
        {
            // JIT off for the batch's transaction: the probe loop's cost estimate crosses the JIT thresholds with large
            // batches, and compiling costs more than the simple plans it would speed up.
            await using (var create = new NpgsqlCommand("SET LOCAL jit = off; CREATE TEMP TABLE IF NOT EXISTS ingest_staging (pos int NOT NULL, source text NOT NULL, external_id text NOT NULL, content_hash text) ON COMMIT DELETE ROWS", connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var import = await connection.BeginBinaryImportAsync("COPY ingest_staging (pos, source, external_id, content_hash) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                for (var i = 0; i < round.Count; i++)
                {
                    var key = round[i].Key;
                    import.StartRow();
                    import.Write(i, NpgsqlDbType.Integer);
                    import.Write(key.Source, NpgsqlDbType.Text);
                    import.Write(key.ExternalId, NpgsqlDbType.Text);
                    import.WriteNullable(round[i].Content?.ContentHash, NpgsqlDbType.Text);
                }

                await import.CompleteAsync(cancellationToken);
            }

            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, "ingest_staging st");
        }
        else
        {
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, "unnest(@pos, @sources, @ids, @hashes) AS st(pos, source, external_id, content_hash)");
            command.Parameters.AddWithValue("pos", Enumerable.Range(0, round.Count).ToArray());
            command.Parameters.AddWithValue("sources", round.Select(c => c.Key.Source).ToArray());
            command.Parameters.AddWithValue("ids", round.Select(c => c.Key.ExternalId).ToArray());
            command.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = round.Select(c => (object?)c.Content?.ContentHash ?? DBNull.Value).ToArray() });
        }

        var existing = new Dictionary<int, Existing>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetInt32(0)] = new Existing(reader.GetGuid(1), reader.GetInt32(2), reader.GetBoolean(3), reader.GetBoolean(4));
        }

        return existing;
    }

    private readonly record struct Existing(Guid SaleId, int Revision, bool Cancelled, bool SameContent);

    /// <summary>One command's plan: what it changes and the credit rows it writes (a range of the round's buffer).</summary>
    private sealed class Plan(SaleCommand command)
    {
        public SaleCommand Command { get; } = command;

        public Existing? Existing { get; set; }

        public SaleChange? Change { get; set; }

        public SaleRevision? Latest { get; set; }

        public Guid SaleId { get; set; }

        public Guid RevisionId { get; set; }

        public decimal ReportingAmount { get; set; }

        public decimal PreviousReportingAmount { get; set; }

        public int CreditStart { get; set; }

        public int CreditEnd { get; set; }

        public bool Failed { get; set; }
    }

    private sealed class Round(CreditingSetup setup, CreditingEngine engine, List<SaleCommand> commands, LedgerOptions options, DateTimeOffset now)
    {
        private readonly List<Plan> plans = [.. commands.Select(c => new Plan(c))];
        private readonly IdSequence ids = new(now);
        private readonly List<Credit> credits = new(commands.Count * 5);
        private readonly Dictionary<Guid, List<Credit>> storedCredits = [];
        private readonly Dictionary<(Guid Sale, int Revision, Guid Participant, string Type, Guid Rule), string> storedReasons = [];

        public async Task PrepareAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Dictionary<int, Existing> existing, CancellationToken cancellationToken)
        {
            var toLoad = new List<Guid>();
            for (var i = 0; i < plans.Count; i++)
            {
                if (existing.TryGetValue(i, out var found))
                {
                    plans[i].Existing = found;
                    plans[i].SaleId = found.SaleId;
                    var isReplay = plans[i].Command.Content is not null ? found.SameContent : found.Cancelled;
                    if (!isReplay)
                    {
                        toLoad.Add(found.SaleId);
                    }
                }
            }

            if (toLoad.Count == 0)
            {
                return;
            }

            // Amendments and cancellations: the latest revision (for SaleHistory) and every stored credit (for reversals).
            var latest = new Dictionary<Guid, (int Number, string Kind, decimal Amount, string Currency, decimal Reporting, DateOnly Close, Guid? Account, string? Product, string? Segment, Guid Owner, string? CoSellers)>();
            await using (var command = new NpgsqlCommand(
                """
                SELECT r.sale_id, r.number, r.kind, r.amount, r.currency, r.reporting_amount, r.close_date, r.account_id, r.product, r.segment, r.owner_participant_id, r.co_sellers
                FROM sales s JOIN sale_revisions r ON r.sale_id = s.id AND r.number = s.current_revision
                WHERE s.tenant_id = @tenant AND s.id = ANY(@ids)
                """,
                connection,
                transaction))
            {
                command.Parameters.AddWithValue("tenant", setup.TenantId);
                command.Parameters.AddWithValue("ids", toLoad.ToArray());
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    latest[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetString(2), reader.GetDecimal(3), reader.GetString(4).Trim(), reader.GetDecimal(5), reader.GetFieldValue<DateOnly>(6),
                        reader.IsDBNull(7) ? null : reader.GetGuid(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetGuid(10), reader.IsDBNull(11) ? null : reader.GetString(11));
                }
            }

            foreach (var (saleId, stored) in await CreditRows.LoadAsync(connection, transaction, setup.TenantId, toLoad, cancellationToken))
            {
                storedCredits[saleId] = [.. stored.Select(s => s.Credit)];
                foreach (var (credit, reason) in stored.Where(s => !s.Credit.IsReversal))
                {
                    storedReasons[(saleId, credit.SaleRevision, credit.ParticipantId, credit.Type.ToString(), credit.RuleId)] = reason;
                }
            }

            foreach (var plan in plans)
            {
                if (plan.Existing is { } found && latest.TryGetValue(found.SaleId, out var row))
                {
                    var key = plan.Command.Key;
                    var coSellers = row.CoSellers is null ? null : JsonSerializer.Deserialize<List<CoSeller>>(row.CoSellers, Json);
                    var content = new Sale(setup.TenantId, key.Source, key.ExternalId, row.Amount, row.Currency, row.Close, row.Account, row.Product, row.Segment, row.Owner, coSellers);
                    plan.Latest = new SaleRevision(row.Number, Enum.Parse<SaleRevisionKind>(row.Kind), content, now);
                    plan.PreviousReportingAmount = row.Reporting;
                }
            }
        }

        /// <summary>Decides each command and computes its credits; refused commands become errors and write nothing.</summary>
        public void Credit(List<RowError> errors)
        {
            foreach (var plan in plans)
            {
                var start = credits.Count;
                try
                {
                    Decide(plan);
                    plan.CreditStart = start;
                    plan.CreditEnd = credits.Count;
                }
                catch (DomainException ex)
                {
                    credits.RemoveRange(start, credits.Count - start);
                    plan.Failed = true;
                    errors.Add(new RowError(plan.Command.Row, ex.Field ?? string.Empty, ex.Code, ex.Message));
                }
            }
        }

        private void Decide(Plan plan)
        {
            var command = plan.Command;
            if (plan.Existing is { } found && (command.Content is not null ? found.SameContent : found.Cancelled))
            {
                plan.Change = new SaleChange(SaleChangeOutcome.Replayed, null, null);
                return;
            }

            if (command.Content is { } content)
            {
                CheckParticipants(content);
                // Converting the whole sale first makes a missing rate an error even when no rule fires.
                plan.ReportingAmount = setup.Fx.Convert(content.Amount, content.Currency, setup.ReportingCurrency, content.CloseDate);
                plan.Change = plan.Existing is null
                    ? SaleHistory.Record(null, content, now)
                    : SaleHistory.Record(plan.Latest ?? throw new InvalidOperationException("The latest revision was not loaded."), content, now);
            }
            else
            {
                plan.Change = SaleHistory.Cancel(plan.Latest, command.Key, now);
                plan.ReportingAmount = plan.PreviousReportingAmount;
            }

            plan.SaleId = plan.Existing?.SaleId ?? ids.Next();
            plan.RevisionId = ids.Next();
            var stored = plan.Existing is null ? [] : storedCredits.GetValueOrDefault(plan.SaleId) ?? [];
            CreditLedger.Apply(engine, plan.Change, stored, credits);
        }

        private void CheckParticipants(Sale content)
        {
            if (setup.Organisation.Find(content.OwnerParticipantId) is null)
            {
                throw new DomainException("PARTICIPANT_UNKNOWN", $"The owner {content.OwnerParticipantId} is not a participant of the tenant.", "ownerParticipantId");
            }

            for (var i = 0; i < content.CoSellers.Count; i++)
            {
                if (setup.Organisation.Find(content.CoSellers[i].ParticipantId) is null)
                {
                    throw new DomainException("PARTICIPANT_UNKNOWN", $"The co-seller {content.CoSellers[i].ParticipantId} is not a participant of the tenant.", "coSellers");
                }
            }
        }

        public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SalesBatchResult result, List<Credit> written, CancellationToken cancellationToken)
        {
            var fresh = new List<Plan>();
            var changed = new List<Plan>();
            foreach (var plan in plans)
            {
                if (plan.Failed || plan.Change is null)
                {
                    continue;
                }

                if (plan.Change.NewRevision is null)
                {
                    result.Results.Add(new SaleResult(plan.Command.Row, SaleChangeOutcome.Replayed, plan.Existing!.Value.SaleId, plan.Existing.Value.Revision, 0));
                    continue;
                }

                (plan.Existing is null ? fresh : changed).Add(plan);
                result.Results.Add(new SaleResult(plan.Command.Row, plan.Change.Outcome, plan.SaleId, plan.Change.NewRevision.Number, plan.CreditEnd - plan.CreditStart));
            }

            var timings = result.Timings;
            timings.Mark("plan");
            if (fresh.Count + changed.Count == 0)
            {
                return;
            }

            await CopyRevisionsAsync(connection, fresh.Concat(changed), cancellationToken);
            timings.Mark("revisions COPY");
            result.CreditsWritten += await CopyCreditsAsync(connection, fresh.Concat(changed), cancellationToken);
            timings.Mark("credits COPY");
            foreach (var plan in fresh.Concat(changed))
            {
                written.AddRange(credits.GetRange(plan.CreditStart, plan.CreditEnd - plan.CreditStart));
            }

            result.OutboxRows += await OutboxWriter.WriteAsync(connection, transaction, setup.TenantId, Events(fresh.Concat(changed)), cancellationToken);
            timings.Mark("outbox");

            // The sales rows go last, so any lock a trigger on sales may take is held for the shortest time; the
            // lanes of a tenant (and live writers) overlap everything before it.
            if (fresh.Count > 0)
            {
                await CopySalesAsync(connection, fresh, cancellationToken);
                timings.Mark("sales COPY");
            }

            if (changed.Count > 0)
            {
                await UpdateSalesAsync(connection, transaction, changed, cancellationToken);
                timings.Mark("sales UPDATE");
            }
        }

        private async Task CopySalesAsync(NpgsqlConnection connection, List<Plan> fresh, CancellationToken cancellationToken)
        {
            await using var import = await connection.BeginBinaryImportAsync(
                "COPY sales (id, tenant_id, source, external_id, current_revision, is_cancelled, content_hash, amount, currency, reporting_amount, reporting_currency, close_date, account_id, product, segment, owner_participant_id, recorded_at, updated_at) FROM STDIN (FORMAT BINARY)",
                cancellationToken);
            foreach (var plan in fresh)
            {
                var sale = plan.Change!.NewRevision!.Content;
                import.StartRow();
                import.Write(plan.SaleId, NpgsqlDbType.Uuid);
                import.Write(setup.TenantId, NpgsqlDbType.Uuid);
                import.Write(sale.Source, NpgsqlDbType.Text);
                import.Write(sale.ExternalId, NpgsqlDbType.Text);
                import.Write(1, NpgsqlDbType.Integer);
                import.Write(false, NpgsqlDbType.Boolean);
                import.Write(sale.ContentHash, NpgsqlDbType.Text);
                import.Write(sale.Amount, NpgsqlDbType.Numeric);
                import.Write(sale.Currency, NpgsqlDbType.Text);
                import.Write(plan.ReportingAmount, NpgsqlDbType.Numeric);
                import.Write(setup.ReportingCurrency, NpgsqlDbType.Text);
                import.Write(sale.CloseDate, NpgsqlDbType.Date);
                import.WriteNullable(sale.AccountId, NpgsqlDbType.Uuid);
                import.WriteNullable(sale.Product, NpgsqlDbType.Text);
                import.WriteNullable(sale.Segment, NpgsqlDbType.Text);
                import.Write(sale.OwnerParticipantId, NpgsqlDbType.Uuid);
                import.Write(now, NpgsqlDbType.TimestampTz);
                import.Write(now, NpgsqlDbType.TimestampTz);
            }

            await import.CompleteAsync(cancellationToken);
        }

        private async Task UpdateSalesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Plan> changed, CancellationToken cancellationToken)
        {
            // The head follows its newest revision; the revision number check turns a lost race into an error, never a silent overwrite.
            await using var command = new NpgsqlCommand(
                """
                UPDATE sales s SET current_revision = u.revision, is_cancelled = u.cancelled, content_hash = u.hash, amount = u.amount, currency = u.currency,
                    reporting_amount = u.reporting, close_date = u.close_date, account_id = u.account, product = u.product, segment = u.segment,
                    owner_participant_id = u.owner, updated_at = @now
                FROM unnest(@ids, @revisions, @cancelled, @hashes, @amounts, @currencies, @reporting, @dates, @accounts, @products, @segments, @owners)
                    AS u(id, revision, cancelled, hash, amount, currency, reporting, close_date, account, product, segment, owner)
                WHERE s.id = u.id AND s.tenant_id = @tenant AND s.current_revision = u.revision - 1
                """,
                connection,
                transaction);
            var revisions = changed.Select(p => p.Change!.NewRevision!).ToList();
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("tenant", setup.TenantId);
            command.Parameters.AddWithValue("ids", changed.Select(p => p.SaleId).ToArray());
            command.Parameters.AddWithValue("revisions", revisions.Select(r => r.Number).ToArray());
            command.Parameters.AddWithValue("cancelled", revisions.Select(r => r.IsCancelled).ToArray());
            command.Parameters.AddWithValue("hashes", revisions.Select(r => r.ContentHash).ToArray());
            command.Parameters.AddWithValue("amounts", revisions.Select(r => r.Content.Amount).ToArray());
            command.Parameters.AddWithValue("currencies", revisions.Select(r => r.Content.Currency).ToArray());
            command.Parameters.AddWithValue("reporting", changed.Select(p => p.ReportingAmount).ToArray());
            command.Parameters.AddWithValue("dates", revisions.Select(r => r.Content.CloseDate).ToArray());
            command.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = revisions.Select(r => (object?)r.Content.AccountId ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("products", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = revisions.Select(r => (object?)r.Content.Product ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("segments", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = revisions.Select(r => (object?)r.Content.Segment ?? DBNull.Value).ToArray() });
            command.Parameters.AddWithValue("owners", revisions.Select(r => r.Content.OwnerParticipantId).ToArray());
            var updated = await command.ExecuteNonQueryAsync(cancellationToken);
            if (updated != changed.Count)
            {
                throw new InvalidOperationException($"{changed.Count - updated} sale(s) changed under this batch although their keys were locked; nothing was written.");
            }
        }

        private async Task CopyRevisionsAsync(NpgsqlConnection connection, IEnumerable<Plan> written, CancellationToken cancellationToken)
        {
            await using var import = await connection.BeginBinaryImportAsync(
                "COPY sale_revisions (id, tenant_id, sale_id, number, kind, amount, currency, reporting_amount, close_date, account_id, product, segment, owner_participant_id, co_sellers, content_hash, channel, recorded_at) FROM STDIN (FORMAT BINARY)",
                cancellationToken);
            foreach (var plan in written)
            {
                var revision = plan.Change!.NewRevision!;
                var sale = revision.Content;
                import.StartRow();
                import.Write(plan.RevisionId, NpgsqlDbType.Uuid);
                import.Write(setup.TenantId, NpgsqlDbType.Uuid);
                import.Write(plan.SaleId, NpgsqlDbType.Uuid);
                import.Write(revision.Number, NpgsqlDbType.Integer);
                import.Write(revision.Kind.ToString(), NpgsqlDbType.Text);
                import.Write(sale.Amount, NpgsqlDbType.Numeric);
                import.Write(sale.Currency, NpgsqlDbType.Text);
                import.Write(plan.ReportingAmount, NpgsqlDbType.Numeric);
                import.Write(sale.CloseDate, NpgsqlDbType.Date);
                import.WriteNullable(sale.AccountId, NpgsqlDbType.Uuid);
                import.WriteNullable(sale.Product, NpgsqlDbType.Text);
                import.WriteNullable(sale.Segment, NpgsqlDbType.Text);
                import.Write(sale.OwnerParticipantId, NpgsqlDbType.Uuid);
                import.WriteNullable(sale.CoSellers.Count == 0 ? null : JsonSerializer.Serialize(sale.CoSellers, Json), NpgsqlDbType.Jsonb);
                import.Write(sale.ContentHash, NpgsqlDbType.Text);
                import.Write(options.Channel, NpgsqlDbType.Text);
                import.Write(now, NpgsqlDbType.TimestampTz);
            }

            await import.CompleteAsync(cancellationToken);
        }

        private async Task<int> CopyCreditsAsync(NpgsqlConnection connection, IEnumerable<Plan> written, CancellationToken cancellationToken)
        {
            var count = 0;
            await using var import = await connection.BeginBinaryImportAsync(CreditRows.Copy, cancellationToken);
            foreach (var plan in written)
            {
                for (var i = plan.CreditStart; i < plan.CreditEnd; i++)
                {
                    var credit = credits[i];
                    CreditRows.Write(import, ids.Next(), setup.TenantId, plan.SaleId, plan.RevisionId, credit, Reason(plan.SaleId, credit), setup.PeriodOf(credit.PostingDate));
                    count++;
                }
            }

            await import.CompleteAsync(cancellationToken);
            return count;
        }

        // A reversal repeats the reason of the row it cancels, which a reloaded credit cannot re-render (names are not stored twice).
        private string Reason(Guid saleId, Credit credit) =>
            credit.IsReversal && storedReasons.TryGetValue((saleId, credit.ReversesRevision, credit.ParticipantId, credit.Type.ToString(), credit.RuleId), out var original)
                ? $"reversal of revision {credit.ReversesRevision.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {original}"
                : credit.Reason;

        private List<IOutboxEvent> Events(IEnumerable<Plan> written)
        {
            var events = new List<IOutboxEvent>();
            var reporting = setup.ReportingCurrency;
            if (!options.EventPerSale)
            {
                // Bulk: one credits event per participant for the whole batch, netted by type and posting date.
                var byParticipant = new Dictionary<Guid, List<Credit>>();
                foreach (var plan in written)
                {
                    for (var i = plan.CreditStart; i < plan.CreditEnd; i++)
                    {
                        var credit = credits[i];
                        if (!byParticipant.TryGetValue(credit.ParticipantId, out var list))
                        {
                            byParticipant[credit.ParticipantId] = list = [];
                        }

                        list.Add(credit);
                    }
                }

                foreach (var (_, list) in byParticipant)
                {
                    var deltas = CreditsChanged.Summarise(list);
                    if (deltas.Count > 0)
                    {
                        events.Add(new CreditsChanged(Guid.CreateVersion7(now), setup.TenantId, now, options.Channel, "batch", 0, reporting, deltas));
                    }
                }

                return events;
            }

            foreach (var plan in written)
            {
                var revision = plan.Change!.NewRevision!;
                var sale = revision.Content;
                IOutboxEvent saleEvent = plan.Change.Outcome switch
                {
                    SaleChangeOutcome.Recorded => new SaleRecorded(Guid.CreateVersion7(now), setup.TenantId, now, sale.Source, sale.ExternalId, revision.Number, sale.OwnerParticipantId, sale.Amount, sale.Currency, plan.ReportingAmount, reporting, sale.CloseDate, sale.AccountId, sale.Product),
                    SaleChangeOutcome.Amended => new SaleAmended(Guid.CreateVersion7(now), setup.TenantId, now, sale.Source, sale.ExternalId, revision.Number, plan.Change.Superseded!.Number, sale.OwnerParticipantId, sale.Amount, sale.Currency, plan.ReportingAmount, plan.PreviousReportingAmount, reporting, sale.CloseDate),
                    _ => new SaleCancelled(Guid.CreateVersion7(now), setup.TenantId, now, sale.Source, sale.ExternalId, revision.Number, plan.Change.Superseded!.Number, sale.OwnerParticipantId, plan.PreviousReportingAmount, reporting, sale.CloseDate),
                };
                events.Add(saleEvent);
                var deltas = CreditsChanged.Summarise(credits.GetRange(plan.CreditStart, plan.CreditEnd - plan.CreditStart));
                if (deltas.Count > 0)
                {
                    events.Add(new CreditsChanged(Guid.CreateVersion7(now), setup.TenantId, now, sale.Source, sale.ExternalId, revision.Number, reporting, deltas));
                }
            }

            return events;
        }
    }
}
