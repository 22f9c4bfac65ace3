using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using Spm.Domain.Sales;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Ingest;

/// <summary>
/// The bulk path for sales files of any size: the stream is parsed row by row (never held whole) into batches;
/// each batch is one transaction that takes the tenant's ingestion lock, COPYs the batch's keys and hashes into a
/// staging table, classifies them against the stored sales in one query and writes sales, revisions, credits
/// (binary COPY) and one summarised credits event per participant through <see cref="SalesLedger"/>.
/// Parsing the next batch overlaps with writing the current one, so both cores work.
/// </summary>
/// <remarks>
/// Bad rows are reported and skipped; good rows land. A batch that fails in the database rolls back whole (its
/// rows, credits and outbox rows) and stops the import; the batches before it stay committed, and resending the
/// whole file is safe because every row already stored replays as a no-op.
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
        var errors = new List<RowError>();
        long rows = 0, rejected = 0, recorded = 0, amended = 0, cancelled = 0, replayed = 0, credits = 0, outbox = 0;
        var batches = 0;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        CreditingSetup setup;
        await using (var read = await connection.BeginTransactionAsync(cancellationToken))
        {
            setup = await CreditingSetup.LoadAsync(connection, read, tenantId, territories, cancellationToken);
            await read.CommitAsync(cancellationToken);
        }

        var engine = setup.NewEngine();
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(body, tenantId, format, options.BatchSize, channel.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(stop.Token))
            {
                rows += batch.Rows;
                rejected += batch.Errors.Count;
                AddErrors(batch.Errors);
                if (batch.Commands.Count == 0)
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(stop.Token);
                await SalesLedger.LockAsync(connection, transaction, tenantId, null, stop.Token);
                var result = await SalesLedger.WriteAsync(connection, transaction, setup, engine, batch.Commands, ledgerOptions, clock.GetUtcNow(), stop.Token);
                await transaction.CommitAsync(stop.Token);
                batches++;
                rejected += result.Errors.Count;
                AddErrors(result.Errors);
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
            }

            await producer;
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(producer);
            throw;
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new ImportReport(importId, rows, recorded, amended, cancelled, replayed, rejected, credits, outbox, batches, watch.Elapsed.TotalSeconds, errors, rejected > errors.Count);

        void AddErrors(List<RowError> more)
        {
            foreach (var error in more)
            {
                if (errors.Count < options.MaxReportedErrors)
                {
                    errors.Add(error);
                }
            }
        }
    }

    private static async Task ProduceAsync(Stream body, Guid tenantId, SalesFileFormat format, int batchSize, ChannelWriter<Batch> writer, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new Batch(new List<SaleCommand>(batchSize), []);
            var rows = format == SalesFileFormat.Csv ? CsvSaleReader.ReadAsync(body, tenantId, cancellationToken) : NdjsonSaleReader.ReadAsync(body, tenantId, cancellationToken);
            await foreach (var row in rows)
            {
                batch.Rows++;
                if (row.Command is { } command)
                {
                    batch.Commands.Add(command);
                }
                else
                {
                    batch.Errors.Add(row.Error!);
                }

                if (batch.Rows >= batchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    batch = new Batch(new List<SaleCommand>(batchSize), []);
                }
            }

            if (batch.Rows > 0)
            {
                await writer.WriteAsync(batch, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
        }
    }

    private sealed class Batch(List<SaleCommand> commands, List<RowError> errors)
    {
        public List<SaleCommand> Commands { get; } = commands;

        public List<RowError> Errors { get; } = errors;

        public int Rows { get; set; }
    }
}
