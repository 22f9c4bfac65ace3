using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spm.Api.Features.Live;

/// <summary>
/// JSON of live payloads, on the hub's JSON protocol and the fan-out channel: camelCase, enums by name, decimals as
/// strings (as the GraphQL <c>Decimal</c> scalar and the MessagePack protocol write them), so money keeps every cent in
/// JavaScript clients.
/// </summary>
public static class LiveJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the live conventions to <paramref name="options"/> (the hub protocol's own options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new DecimalAsStringConverter());
        return options;
    }

    private sealed class DecimalAsStringConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
                : reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
