using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Domain.Sales;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>
/// The live write path of `recordSales` and `cancelSale`: one transaction holding the key locks, the ledger
/// write (sales, revisions, credits, outbox, NOTIFY) and the audit entries. All or nothing: any refused row
/// rolls everything back and comes back as a UserError naming its index and field.
/// </summary>
public sealed class SalesWriter(IDbContextFactory<SpmDbContext> contexts, Caller caller, AuditTrail audit, ITerritoryOwnershipSource territories, CreditingSetupCache setups, TimeProvider clock)
{
    public async Task<(IReadOnlyList<SaleResult> Results, IReadOnlyList<UserError> Errors)> WriteAsync(IReadOnlyList<SaleCommand> commands, string inputList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var tenantId = caller.RequireTenant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        SalesBatchResult result;
        try
        {
            var setup = await setups.GetAsync(connection, npgsqlTransaction, tenantId, territories, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
            await SalesLedger.LockAsync(connection, npgsqlTransaction, tenantId, commands.Select(c => c.Key), cancellationToken);
            result = await SalesLedger.WriteAsync(
                connection,
                npgsqlTransaction,
                setup,
                setup.NewEngine(),
                commands,
                new LedgerOptions("graphql", AllOrNothing: true, EventPerSale: true, Staging: false),
                clock.GetUtcNow(),
                cancellationToken,
                // The audit rows go in before the ledger locks the tenant's attainment totals (see WriteAsync).
                async (written, ct) => await AuditAsync(db, commands, written, ct));
        }
        catch (DomainException ex)
        {
            return ([], [UserError.From(ex)]);
        }

        if (result.Errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ([], [.. result.Errors.Select(e => RowError(inputList, e))]);
        }

        await transaction.CommitAsync(cancellationToken);
        return (result.Results, []);
    }

    /// <summary>Audit rows for what the call changed; the ledger only gets here without errors (all or nothing).</summary>
    private async Task AuditAsync(SpmDbContext db, IReadOnlyList<SaleCommand> commands, SalesBatchResult result, CancellationToken cancellationToken)
    {
        foreach (var row in result.Results.Where(r => r.Outcome != SaleChangeOutcome.Replayed))
        {
            var command = commands.First(c => c.Row == row.Row);
            var action = row.Outcome switch
            {
                SaleChangeOutcome.Recorded => "sale.record",
                SaleChangeOutcome.Amended => "sale.amend",
                _ => "sale.cancel",
            };
            audit.Record(db, action, "Sale", row.SaleId.ToString(), null, new
            {
                command.Key.Source,
                command.Key.ExternalId,
                row.Revision,
                Amount = command.Content?.Amount,
                Currency = command.Content?.Currency,
                CloseDate = command.Content?.CloseDate,
                row.CreditsWritten,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A ledger error as a UserError: <c>["input", "sales", "3", "coSellers", "0", "splitPercent"]</c>.</summary>
    public static UserError RowError(string inputList, RowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var path = new List<string> { "input" };
        if (inputList.Length > 0)
        {
            path.Add(inputList);
            path.Add(error.Row.ToString(CultureInfo.InvariantCulture));
        }

        path.AddRange(FieldPath(error.Field));
        var message = inputList.Length > 0 ? $"{inputList}[{error.Row}]: {error.Message}" : error.Message;
        return new UserError(error.Code, message, path);
    }

    public static IEnumerable<string> FieldPath(string? field) =>
        string.IsNullOrEmpty(field) ? [] : field.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
}
