using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Spm.Domain.Events;

namespace Spm.Infrastructure.Outbox;

/// <summary>
/// Appends events to the outbox in the caller's transaction, as JSON of the event records (with their
/// <c>type</c> and <c>schemaVersion</c>). The caller NOTIFYs <c>spm_outbox</c> with the tenant id, which
/// PostgreSQL delivers at commit, so a listener never wakes for rows it cannot see yet.
/// </summary>
public static class OutboxWriter
{
    public const string Channel = "spm_outbox";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialise(IOutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        return JsonSerializer.Serialize(outboxEvent, outboxEvent.GetType(), Json);
    }

    /// <summary>Writes the events in order with one statement; returns how many.</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, IReadOnlyList<IOutboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        // WITH ORDINALITY keeps the array order, so the bigserial ids follow the order the events happened in.
        await using var command = new NpgsqlCommand(
            "INSERT INTO outbox (tenant_id, type, payload) SELECT @tenant, u.type, u.payload FROM unnest(@types, @payloads) WITH ORDINALITY AS u(type, payload, n) ORDER BY u.n",
            connection,
            transaction);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("types", events.Select(e => e.Type).ToArray());
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = events.Select(Serialise).ToArray() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Wakes listeners of the tenant once the transaction commits.</summary>
    public static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var notify = new NpgsqlCommand("SELECT pg_notify('spm_outbox', $1)", connection, transaction) { Parameters = { new() { Value = tenantId.ToString() } } };
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }
}
