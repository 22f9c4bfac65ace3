using System.Text.Json.Serialization;

namespace Spm.GraphQL.AspNetCore.WebSockets;

/// <summary>A graphql-transport-ws message sent by the server.</summary>
internal sealed record OutgoingMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonPropertyName("payload"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Payload = null);
