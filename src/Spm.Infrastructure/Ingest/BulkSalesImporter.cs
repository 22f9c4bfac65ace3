using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using Spm.Domain.Sales;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Ingest;

/// <summary>
/// The bulk path for sales files of any size: the stream is parsed row by row (never held whole) and each row goes
/// to the lane of its key (<see cref="SalesLedger.LaneOf"/>); each lane fills batches and writes them on its own
/// connection, one transaction per batch that takes the lane's lock, COPYs the batch's keys and hashes into a
/// staging table, classifies them against the stored sales in one query and writes sales, revisions, credits
/// (binary COPY) and one summarised credits event per participant through <see cref="SalesLedger"/>.
/// </summary>
/// <remarks>
/// Parallelism: the parser and <see cref="SalesLedger.BulkLanes"/> batch writers run at once, so the client's
/// crediting and the server's COPY and index work of two batches overlap on both cores. Lanes never share a key,
/// and every occurrence of a key goes to the same lane in file order, so rows of one key still apply in order.
/// Bad rows are reported and skipped; good rows land. A batch that fails in the database rolls back whole (its
/// rows, credits and outbox rows) and stops the import; batches committed before it (in either lane) stay, and
/// resending the whole file is safe because every row already stored replays as a no-op.
/// </remarks>
public sealed class BulkSalesImporter(NpgsqlDataSource dataSource, ITerritoryOwnershipSource territories, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(Guid tenantId, Stream body, SalesFileFormat format, BulkImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var importId = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
        var ledgerOptions = new LedgerOptions("bulk:" + importId, AllOrNothing: false, EventPerSale: false, Staging: true);
        var totals = new Totals(options.MaxReportedErrors);

        CreditingSetup setup;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var read = await connection.BeginTransactionAsync(cancellationToken))
        {
            // Loaded once per import and shared by the lanes (immutable); each lane makes its own engine.
            setup = await CreditingSetup.LoadAsync(connection, read, tenantId, territories, cancellationToken);
            await read.CommitAsync(cancellationToken);
        }

        var lanes = new Channel<List<SaleCommand>>[SalesLedger.BulkLanes];
        for (var i = 0; i < lanes.Length; i++)
        {
            // Two batches of slack per lane: the parser keeps going while one lane commits and the other writes.
            lanes[i] = Channel.CreateBounded<List<SaleCommand>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task> { Task.Run(() => ProduceAsync(body, tenantId, format, options.BatchSize, lanes, totals, stop.Token), stop.Token) };
        for (var i = 0; i < lanes.Length; i++)
        {
            var lane = i;
            tasks.Add(Task.Run(() => WriteLaneAsync(tenantId, lane, setup, lanes[lane].Reader, ledgerOptions, totals, stop.Token), stop.Token));
        }

        try
        {
            // The first failure cancels the others, so a failed batch stops the whole import promptly.
            var pending = new List<Task>(tasks);
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                await done;
            }
        }
        catch
        {
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(tasks);
            }
            catch (Exception)
            {
                // The first failure is the one reported; the rest are its cancellations.
            }

            throw;
        }

        return totals.Report(importId, watch.Elapsed.TotalSeconds);
    }

    private async Task WriteLaneAsync(Guid tenantId, int lane, CreditingSetup setup, ChannelReader<List<SaleCommand>> reader, LedgerOptions ledgerOptions, Totals totals, CancellationToken cancellationToken)
    {
        var engine = setup.NewEngine();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var waited = Stopwatch.GetTimestamp();
        await foreach (var commands in reader.ReadAllAsync(cancellationToken))
        {
            var timings = new PhaseTimings();
            // Time the writer sat idle waiting for the parser: large means parsing, not the database, is the bottleneck.
            timings.Add("wait for parser", Stopwatch.GetElapsedTime(waited));
            timings.Restart();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await SalesLedger.LockLaneAsync(connection, transaction, tenantId, lane, cancellationToken);
            timings.Mark("lock");
            var result = await SalesLedger.WriteAsync(connection, transaction, setup, engine, commands, ledgerOptions, clock.GetUtcNow(), cancellationToken);
            timings.Restart();
            await transaction.CommitAsync(cancellationToken);
            timings.Mark("commit");
            totals.Add(result, timings);
            waited = Stopwatch.GetTimestamp();
        }
    }

    private static async Task ProduceAsync(Stream body, Guid tenantId, SalesFileFormat format, int batchSize, Channel<List<SaleCommand>>[] lanes, Totals totals, CancellationToken cancellationToken)
    {
        try
        {
            var batches = new List<SaleCommand>[lanes.Length];
            for (var i = 0; i < batches.Length; i++)
            {
                batches[i] = new List<SaleCommand>(batchSize);
            }

            var rows = format == SalesFileFormat.Csv ? CsvSaleReader.ReadAsync(body, tenantId, cancellationToken) : NdjsonSaleReader.ReadAsync(body, tenantId, cancellationToken);
            await foreach (var row in rows)
            {
                if (row.Command is not { } command)
                {
                    totals.Parsed(row.Error!);
                    continue;
                }

                totals.Parsed(null);
                var lane = SalesLedger.LaneOf(command.Key);
                batches[lane].Add(command);
                if (batches[lane].Count >= batchSize)
                {
                    await lanes[lane].Writer.WriteAsync(batches[lane], cancellationToken);
                    batches[lane] = new List<SaleCommand>(batchSize);
                }
            }

            for (var i = 0; i < lanes.Length; i++)
            {
                if (batches[i].Count > 0)
                {
                    await lanes[i].Writer.WriteAsync(batches[i], cancellationToken);
                }

                lanes[i].Writer.Complete();
            }
        }
        catch (Exception ex)
        {
            foreach (var lane in lanes)
            {
                lane.Writer.TryComplete(ex);
            }

            throw;
        }
    }

    /// <summary>The counts of the whole import, added to by the parser and the lanes (hence the lock).</summary>
    private sealed class Totals(int maxReportedErrors)
    {
        private readonly Lock gate = new();
        private readonly List<RowError> errors = [];
        private readonly PhaseTimings phases = new();
        private long rows, rejected, recorded, amended, cancelled, replayed, credits, outbox;
        private int batches;

        public void Parsed(RowError? error)
        {
            lock (gate)
            {
                rows++;
                if (error is not null)
                {
                    rejected++;
                    AddError(error);
                }
            }
        }

        public void Add(SalesBatchResult result, PhaseTimings timings)
        {
            lock (gate)
            {
                batches++;
                rejected += result.Errors.Count;
                foreach (var error in result.Errors)
                {
                    AddError(error);
                }

                foreach (var row in result.Results)
                {
                    switch (row.Outcome)
                    {
                        case SaleChangeOutcome.Recorded: recorded++; break;
                        case SaleChangeOutcome.Amended: amended++; break;
                        case SaleChangeOutcome.Cancelled: cancelled++; break;
                        default: replayed++; break;
                    }
                }

                credits += result.CreditsWritten;
                outbox += result.OutboxRows;
                phases.Add(timings);
                phases.Add(result.Timings);
            }
        }

        public ImportReport Report(string importId, double seconds)
        {
            lock (gate)
            {
                Trim();
                return new ImportReport(importId, rows, recorded, amended, cancelled, replayed, rejected, credits, outbox, batches, seconds, [.. errors], rejected > errors.Count) { Timings = phases };
            }
        }

        // Errors arrive out of row order (the parser runs ahead of the lanes); the answer keeps the first rows,
        // so the list is trimmed to the lowest row numbers whenever it doubles, which bounds the memory.
        private void AddError(RowError error)
        {
            errors.Add(error);
            if (errors.Count >= 2 * Math.Max(1, maxReportedErrors))
            {
                Trim();
            }
        }

        private void Trim()
        {
            errors.Sort((a, b) => a.Row.CompareTo(b.Row));
            if (errors.Count > maxReportedErrors)
            {
                errors.RemoveRange(maxReportedErrors, errors.Count - maxReportedErrors);
            }
        }
    }
}
