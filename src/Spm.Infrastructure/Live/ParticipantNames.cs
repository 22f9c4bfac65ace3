using System.Collections.Concurrent;
using Npgsql;

namespace Spm.Infrastructure.Live;

/// <summary>
/// Display names of participants for celebrations and boards, cached for a few minutes: a rename shows up late on
/// a screen, which is acceptable, while a name lookup per deal or per board read is not.
/// </summary>
public sealed class ParticipantNames(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, (string Name, DateTimeOffset Expires)> cache = new();

    /// <summary>Names of <paramref name="ids"/> (participants or teams) in <paramref name="tenantId"/>; unknown ids are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(Guid tenantId, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var now = clock.GetUtcNow();
        var result = new Dictionary<Guid, string>();
        var missing = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetValue(id, out var hit) && hit.Expires > now)
            {
                result[id] = hit.Name;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT id, name FROM participants WHERE tenant_id = $1 AND id = ANY($2) UNION ALL SELECT id, name FROM teams WHERE tenant_id = $1 AND id = ANY($2)");
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = missing.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var name = reader.GetString(1);
            cache[id] = (name, now + Lifetime);
            result[id] = name;
        }

        return result;
    }
}
