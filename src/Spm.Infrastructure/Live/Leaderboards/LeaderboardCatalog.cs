using Npgsql;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>Reads a tenant's board definitions with plain SQL (the dispatcher and rebuilds run outside a request's tenant).</summary>
public static class LeaderboardCatalog
{
    private const string Select =
        "SELECT id, key, title, metrics::text, \"window\", scope, scope_id, subject, top_size, version FROM leaderboards WHERE tenant_id = $1";

    public static async Task<IReadOnlyList<LeaderboardDefinition>> LoadAsync(NpgsqlConnection connection, Guid tenantId, string? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(key is null ? Select + " ORDER BY key" : Select + " AND key = $2", connection);
        command.Parameters.Add(new() { Value = tenantId });
        if (key is not null)
        {
            command.Parameters.Add(new() { Value = key });
        }

        var boards = new List<LeaderboardDefinition>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            boards.Add(LeaderboardDefinition.Restore(
                reader.GetGuid(0),
                tenantId,
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                Enum.Parse<LeaderboardWindow>(reader.GetString(4)),
                Enum.Parse<LeaderboardScope>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetGuid(6),
                Enum.Parse<LeaderboardSubject>(reader.GetString(7)),
                reader.GetInt32(8),
                reader.GetInt32(9)));
        }

        return boards;
    }
}
