using Npgsql;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Outbox;

namespace Spm.Api.Tests.Infrastructure;

/// <summary>
/// Numbers a tenant's committed outbox rows as the dispatcher does, under its lock, for tests that read positions
/// themselves (whether or not an app's dispatcher is running: the lock keeps the two from numbering at once).
/// </summary>
internal static class OutboxNumbering
{
    public static async Task NumberAsync(DatabaseFixture fixture, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var wait = new NpgsqlCommand(OutboxDispatcher.WaitLockSql, connection, transaction) { Parameters = { new() { Value = tenantId } } })
        {
            await wait.ExecuteNonQueryAsync();
        }

        await OutboxPositions.NumberAsync(connection, transaction, tenantId, int.MaxValue, default);
        await transaction.CommitAsync();
    }
}
