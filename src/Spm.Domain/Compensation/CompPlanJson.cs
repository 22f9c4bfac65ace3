using System.Globalization;
using System.Text;
using System.Text.Json;
using Spm.Domain.Crediting;

namespace Spm.Domain.Compensation;

/// <summary>
/// The stored form of a plan version: a JSON document, so plans are data an admin edits, versions and diffs.
/// </summary>
/// <remarks>
/// <para>Shape (camelCase names, SCREAMING_CASE enum values, ISO dates, amounts and rates as JSON numbers or
/// strings, rates and attainments as fractions):</para>
/// <code>
/// { "planId": "…", "version": 1, "name": "AE 2026", "currency": "USD",
///   "effectiveFrom": "2026-01-01", "effectiveTo": null, "periodCap": null, "totalCap": 250000,
///   "components": [
///     { "type": "COMMISSION", "id": "core", "name": "Core commission", "method": "MARGINAL",
///       "creditTypes": ["DIRECT", "SPLIT"], "gate": 0.5, "cap": 40000,
///       "rateTables": [ { "product": null, "segment": null,
///                         "tiers": [ { "from": 0, "rate": 0.05 }, { "from": 1, "rate": 0.08 } ] } ] },
///     { "type": "BONUS", "id": "q-bonus", "name": "Quarter bonus", "frequency": "QUARTER",
///       "thresholds": [ { "attainment": 1, "amount": 5000 }, { "attainment": 1.2, "percentOfTargetIncentive": 0.1 } ] },
///     { "type": "SPIFF", "id": "widget", "name": "Widget blitz", "products": ["WIDGET"],
///       "from": "2026-03-01", "to": "2026-03-31", "basis": "PER_UNIT", "amount": 50 },
///     { "type": "DRAW", "id": "ramp", "name": "Ramp draw", "amount": 3000, "recoverable": true },
///     { "type": "CLAWBACK", "id": "cb", "name": "90-day clawback", "windowDays": 90, "appliesTo": [] } ] }
/// </code>
/// <para>Unknown properties are refused (a misspelt "cap" silently ignored would pay without a cap). Every
/// refusal is a <c>DomainException</c> with code <c>COMP_PLAN_INVALID</c> whose field is the JSON path.</para>
/// </remarks>
public static class CompPlanJson
{
    /// <summary>Plans are small; a bigger document is a mistake or an attack.</summary>
    public const int MaxDocumentLength = 1_000_000;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>Reads and validates a plan document.</summary>
    public static CompPlan Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxDocumentLength)
        {
            throw CompPlanValidator.Fail("$", string.Create(CultureInfo.InvariantCulture, $"is longer than {MaxDocumentLength} characters"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw CompPlanValidator.Fail("$", $"is not valid JSON ({e.Message})");
        }

        using (document)
        {
            var plan = ReadPlan(document.RootElement);
            plan.Validate();
            return plan;
        }
    }

    /// <summary>Writes a plan as its document (indented, stable property order, so versions diff line by line).</summary>
    public static string Write(CompPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("planId", plan.PlanId);
            w.WriteNumber("version", plan.Version);
            w.WriteString("name", plan.Name);
            w.WriteString("currency", plan.Currency);
            WriteDate(w, "effectiveFrom", plan.EffectiveFrom);
            WriteDate(w, "effectiveTo", plan.EffectiveTo);
            WriteDecimal(w, "periodCap", plan.PeriodCap);
            WriteDecimal(w, "totalCap", plan.TotalCap);
            w.WriteStartArray("components");
            foreach (var component in plan.Components)
            {
                WriteComponent(w, component);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>SCREAMING_CASE name of an enum value: <c>PerUnit</c> is <c>PER_UNIT</c>.</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static void WriteComponent(Utf8JsonWriter w, PlanComponent component)
    {
        w.WriteStartObject();
        w.WriteString("type", component switch
        {
            CommissionComponent => "COMMISSION",
            BonusComponent => "BONUS",
            SpiffComponent => "SPIFF",
            DrawComponent => "DRAW",
            ClawbackComponent => "CLAWBACK",
            _ => throw new ArgumentException($"{component.GetType().Name} has no JSON form.", nameof(component)),
        });
        w.WriteString("id", component.Id);
        w.WriteString("name", component.Name);
        switch (component)
        {
            case CommissionComponent c:
                w.WriteString("method", EnumName(c.Method));
                WriteCreditTypes(w, c.CreditTypes);
                WriteDecimal(w, "gate", c.Gate);
                WriteDecimal(w, "cap", c.Cap);
                w.WriteStartArray("rateTables");
                foreach (var table in c.RateTables)
                {
                    w.WriteStartObject();
                    WriteNullableString(w, "product", table.Product);
                    WriteNullableString(w, "segment", table.Segment);
                    w.WriteStartArray("tiers");
                    foreach (var tier in table.Tiers)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("from", tier.From);
                        w.WriteNumber("rate", tier.Rate);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case BonusComponent b:
                w.WriteString("frequency", EnumName(b.Frequency));
                WriteCreditTypes(w, b.CreditTypes);
                w.WriteStartArray("thresholds");
                foreach (var threshold in b.Thresholds)
                {
                    w.WriteStartObject();
                    w.WriteNumber("attainment", threshold.Attainment);
                    if (threshold.Amount is { } amount)
                    {
                        w.WriteNumber("amount", amount);
                    }

                    if (threshold.PercentOfTargetIncentive is { } percent)
                    {
                        w.WriteNumber("percentOfTargetIncentive", percent);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case SpiffComponent s:
                w.WriteStartArray("products");
                foreach (var product in s.Products)
                {
                    w.WriteStringValue(product);
                }

                w.WriteEndArray();
                WriteDate(w, "from", s.From);
                WriteDate(w, "to", s.To);
                w.WriteString("basis", EnumName(s.Basis));
                w.WriteNumber("amount", s.Amount);
                WriteCreditTypes(w, s.CreditTypes);
                break;
            case DrawComponent d:
                w.WriteNumber("amount", d.Amount);
                w.WriteBoolean("recoverable", d.Recoverable);
                break;
            case ClawbackComponent k:
                w.WriteNumber("windowDays", k.WindowDays);
                w.WriteStartArray("appliesTo");
                foreach (var id in k.AppliesTo)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteCreditTypes(Utf8JsonWriter w, IReadOnlyList<CreditType> types)
    {
        w.WriteStartArray("creditTypes");
        foreach (var type in types)
        {
            w.WriteStringValue(EnumName(type));
        }

        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteDecimal(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static CompPlan ReadPlan(JsonElement e)
    {
        var o = new Obj(e, "$", "planId", "version", "name", "currency", "effectiveFrom", "effectiveTo", "periodCap", "totalCap", "components");
        return new CompPlan
        {
            PlanId = o.Guid("planId"),
            Version = o.Int("version"),
            Name = o.String("name"),
            Currency = o.String("currency"),
            EffectiveFrom = o.Date("effectiveFrom"),
            EffectiveTo = o.OptionalDate("effectiveTo"),
            PeriodCap = o.OptionalDecimal("periodCap"),
            TotalCap = o.OptionalDecimal("totalCap"),
            Components = o.List("components", ReadComponent, required: true),
        };
    }

    private static PlanComponent ReadComponent(JsonElement e, string path)
    {
        var type = new Obj(e, path, null).String("type");
        return type switch
        {
            "COMMISSION" => ReadCommission(new Obj(e, path, "type", "id", "name", "method", "creditTypes", "gate", "cap", "rateTables")),
            "BONUS" => ReadBonus(new Obj(e, path, "type", "id", "name", "frequency", "creditTypes", "thresholds")),
            "SPIFF" => ReadSpiff(new Obj(e, path, "type", "id", "name", "products", "from", "to", "basis", "amount", "creditTypes")),
            "DRAW" => ReadDraw(new Obj(e, path, "type", "id", "name", "amount", "recoverable")),
            "CLAWBACK" => ReadClawback(new Obj(e, path, "type", "id", "name", "windowDays", "appliesTo")),
            _ => throw CompPlanValidator.Fail(path + ".type", $"'{type}' is not COMMISSION, BONUS, SPIFF, DRAW or CLAWBACK"),
        };
    }

    private static CommissionComponent ReadCommission(Obj o) => new()
    {
        Id = o.String("id"),
        Name = o.String("name"),
        Method = o.OptionalEnum("method", CommissionMethod.Marginal),
        CreditTypes = o.List("creditTypes", (e, p) => ParseEnum<CreditType>(e, p), required: false),
        Gate = o.OptionalDecimal("gate"),
        Cap = o.OptionalDecimal("cap"),
        RateTables = o.List("rateTables", ReadRateTable, required: true),
    };

    private static RateTable ReadRateTable(JsonElement e, string path)
    {
        var o = new Obj(e, path, "product", "segment", "tiers");
        return new RateTable
        {
            Product = o.OptionalString("product"),
            Segment = o.OptionalString("segment"),
            Tiers = o.List("tiers", (t, p) =>
            {
                var tier = new Obj(t, p, "from", "rate");
                return new RateTier(tier.Decimal("from"), tier.Decimal("rate"));
            }, required: true),
        };
    }

    private static BonusComponent ReadBonus(Obj o) => new()
    {
        Id = o.String("id"),
        Name = o.String("name"),
        Frequency = o.OptionalEnum("frequency", BonusFrequency.Month),
        CreditTypes = o.List("creditTypes", (e, p) => ParseEnum<CreditType>(e, p), required: false),
        Thresholds = o.List("thresholds", (e, p) =>
        {
            var t = new Obj(e, p, "attainment", "amount", "percentOfTargetIncentive");
            return new BonusThreshold
            {
                Attainment = t.Decimal("attainment"),
                Amount = t.OptionalDecimal("amount"),
                PercentOfTargetIncentive = t.OptionalDecimal("percentOfTargetIncentive"),
            };
        }, required: true),
    };

    private static SpiffComponent ReadSpiff(Obj o) => new()
    {
        Id = o.String("id"),
        Name = o.String("name"),
        Products = o.List("products", (e, p) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw CompPlanValidator.Fail(p, "must be a string"), required: false),
        From = o.Date("from"),
        To = o.Date("to"),
        Basis = o.OptionalEnum("basis", SpiffBasis.PerDeal),
        Amount = o.Decimal("amount"),
        CreditTypes = o.List("creditTypes", (e, p) => ParseEnum<CreditType>(e, p), required: false),
    };

    private static DrawComponent ReadDraw(Obj o) => new()
    {
        Id = o.String("id"),
        Name = o.String("name"),
        Amount = o.Decimal("amount"),
        Recoverable = o.OptionalBool("recoverable", true),
    };

    private static ClawbackComponent ReadClawback(Obj o) => new()
    {
        Id = o.String("id"),
        Name = o.String("name"),
        WindowDays = o.Int("windowDays"),
        AppliesTo = o.List("appliesTo", (e, p) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw CompPlanValidator.Fail(p, "must be a string"), required: false),
    };

    private static T ParseEnum<T>(JsonElement e, string path)
        where T : struct, Enum
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            var text = e.GetString();
            foreach (var value in Enum.GetValues<T>())
            {
                if (string.Equals(EnumName(value), text, StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }

        throw CompPlanValidator.Fail(path, $"must be one of {string.Join(", ", Enum.GetValues<T>().Select(v => EnumName(v)))}");
    }

    /// <summary>One JSON object being read, with its path, refusing properties it does not know.</summary>
    private readonly struct Obj
    {
        private readonly JsonElement element;
        private readonly string path;

        public Obj(JsonElement element, string path, params string?[]? known)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw CompPlanValidator.Fail(path, "must be an object");
            }

            this.element = element;
            this.path = path;
            if (known is null)
            {
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (Array.IndexOf(known, property.Name) < 0)
                {
                    throw CompPlanValidator.Fail(Path(property.Name), "is not a known property");
                }
            }
        }

        public string Path(string name) => path + "." + name;

        public string String(string name) =>
            Required(name) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw CompPlanValidator.Fail(Path(name), "must be a string");

        public string? OptionalString(string name) => Optional(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            _ => throw CompPlanValidator.Fail(Path(name), "must be a string or null"),
        };

        public Guid Guid(string name) =>
            System.Guid.TryParse(String(name), out var id) ? id : throw CompPlanValidator.Fail(Path(name), "must be a UUID");

        public int Int(string name) =>
            Required(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : throw CompPlanValidator.Fail(Path(name), "must be a whole number");

        public bool OptionalBool(string name, bool fallback) => Optional(name) switch
        {
            null => fallback,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw CompPlanValidator.Fail(Path(name), "must be true or false"),
        };

        public decimal Decimal(string name) => ToDecimal(Required(name), Path(name));

        public decimal? OptionalDecimal(string name) => Optional(name) is { } v ? ToDecimal(v, Path(name)) : null;

        public DateOnly Date(string name) => ToDate(Required(name), Path(name));

        public DateOnly? OptionalDate(string name) => Optional(name) is { } v ? ToDate(v, Path(name)) : null;

        public T OptionalEnum<T>(string name, T fallback)
            where T : struct, Enum => Optional(name) is { } v ? ParseEnum<T>(v, Path(name)) : fallback;

        public List<T> List<T>(string name, Func<JsonElement, string, T> read, bool required)
        {
            var value = required ? Required(name) : Optional(name);
            if (value is null)
            {
                return [];
            }

            if (value.Value.ValueKind != JsonValueKind.Array)
            {
                throw CompPlanValidator.Fail(Path(name), "must be an array");
            }

            var list = new List<T>(value.Value.GetArrayLength());
            var i = 0;
            foreach (var item in value.Value.EnumerateArray())
            {
                list.Add(read(item, string.Create(CultureInfo.InvariantCulture, $"{Path(name)}[{i++}]")));
            }

            return list;
        }

        private JsonElement Required(string name) =>
            Optional(name) ?? throw CompPlanValidator.Fail(Path(name), "is required");

        private JsonElement? Optional(string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        private static decimal ToDecimal(JsonElement v, string path)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
            {
                return d;
            }

            if (v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d))
            {
                return d;
            }

            throw CompPlanValidator.Fail(path, "must be a decimal number");
        }

        private static DateOnly ToDate(JsonElement v, string path) =>
            v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw CompPlanValidator.Fail(path, "must be a date (yyyy-MM-dd)");
    }
}
