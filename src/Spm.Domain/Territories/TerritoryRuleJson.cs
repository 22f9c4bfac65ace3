using System.Globalization;
using System.Text;
using System.Text.Json;
using Spm.Domain.Common;

namespace Spm.Domain.Territories;

/// <summary>
/// The stored form of a rule list: a JSON array of small objects keyed by "op" (equals, inList, postalPrefix, range,
/// allOf, anyOf). Readable in psql, and parsed back into the engine's <see cref="RuleExpression"/> records.
/// </summary>
public static class TerritoryRuleJson
{
    public static string Write(IReadOnlyList<RuleExpression> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var rule in rules)
            {
                Write(writer, rule);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static IReadOnlyList<RuleExpression> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(Read)];
    }

    private static void Write(Utf8JsonWriter writer, RuleExpression rule)
    {
        writer.WriteStartObject();
        switch (rule)
        {
            case EqualsRule r:
                writer.WriteString("op", "equals");
                writer.WriteString("attribute", r.Attribute);
                writer.WriteString("value", r.Value);
                break;
            case InListRule r:
                writer.WriteString("op", "inList");
                writer.WriteString("attribute", r.Attribute);
                Strings(writer, "values", r.Values);
                break;
            case PostalPrefixRule r:
                writer.WriteString("op", "postalPrefix");
                Strings(writer, "prefixes", r.Prefixes);
                break;
            case RangeRule r:
                writer.WriteString("op", "range");
                writer.WriteString("attribute", r.Attribute);
                // Decimals as strings: JSON numbers would pass through double in some readers.
                if (r.Min is { } min)
                {
                    writer.WriteString("min", min.ToString(CultureInfo.InvariantCulture));
                }

                if (r.Max is { } max)
                {
                    writer.WriteString("max", max.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case AllOfRule r:
                writer.WriteString("op", "allOf");
                Operands(writer, r.Operands);
                break;
            case AnyOfRule r:
                writer.WriteString("op", "anyOf");
                Operands(writer, r.Operands);
                break;
            default:
                throw new DomainException("TERRITORY_RULE_UNKNOWN", $"Unsupported rule {rule?.GetType().Name ?? "null"}.");
        }

        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Operands(Utf8JsonWriter writer, IReadOnlyList<RuleExpression> operands)
    {
        writer.WriteStartArray("operands");
        foreach (var operand in operands)
        {
            Write(writer, operand);
        }

        writer.WriteEndArray();
    }

    private static RuleExpression Read(JsonElement e)
    {
        var op = e.GetProperty("op").GetString();
        return op switch
        {
            "equals" => new EqualsRule(e.GetProperty("attribute").GetString()!, e.GetProperty("value").GetString()!),
            "inList" => new InListRule(e.GetProperty("attribute").GetString()!, [.. e.GetProperty("values").EnumerateArray().Select(v => v.GetString()!)]),
            "postalPrefix" => new PostalPrefixRule([.. e.GetProperty("prefixes").EnumerateArray().Select(v => v.GetString()!)]),
            "range" => new RangeRule(e.GetProperty("attribute").GetString()!, Number(e, "min"), Number(e, "max")),
            "allOf" => new AllOfRule([.. e.GetProperty("operands").EnumerateArray().Select(Read)]),
            "anyOf" => new AnyOfRule([.. e.GetProperty("operands").EnumerateArray().Select(Read)]),
            _ => throw new DomainException("TERRITORY_RULE_UNKNOWN", $"Stored rule has unknown op '{op}'."),
        };
    }

    private static decimal? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? decimal.Parse(value.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture) : null;
}
