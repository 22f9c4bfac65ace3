using System.Globalization;
using Spm.Api.Features.Relay;
using Spm.Domain.Common;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>
/// Reads a mutation's input object as GraphQL.NET hands it over (a dictionary), telling "absent" from "null" and
/// failing with a DomainException that names the field.
/// </summary>
public sealed class InputReader(IReadOnlyDictionary<string, object?> values, string path = "input")
{
    public bool Has(string name) => values.ContainsKey(name);

    public object? Raw(string name) => values.TryGetValue(name, out var value) ? value : null;

    public string Field(string name) => $"{path}.{name}";

    public string? Text(string name) => Raw(name) as string;

    public string RequiredText(string name) => Text(name) ?? throw new DomainException("REQUIRED", $"{name} is required.", Field(name));

    public int? WholeNumber(string name) => Raw(name) is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;

    public decimal? Number(string name) => Raw(name) is { } v ? Convert.ToDecimal(v, CultureInfo.InvariantCulture) : null;

    public DateOnly? Date(string name) => Raw(name) is DateOnly d ? d : null;

    public T? Enum<T>(string name)
        where T : struct, Enum => Raw(name) is T t ? t : null;

    public Guid? OptionalId(string name, string typeName) =>
        Text(name) is { } globalId
            ? GlobalId.TryDecode(globalId, typeName) ?? throw new DomainException("NOT_FOUND", $"{name} is not a {typeName} id.", Field(name))
            : null;

    public Guid Id(string name, string typeName) =>
        OptionalId(name, typeName) ?? throw new DomainException("REQUIRED", $"{name} is required.", Field(name));

    public IReadOnlyList<Guid> Ids(string name, string typeName) =>
        Raw(name) is IEnumerable<object?> list
            ? [.. list.Select((v, i) => GlobalId.TryDecode(v as string, typeName) ?? throw new DomainException("NOT_FOUND", $"{name}[{i}] is not a {typeName} id.", $"{Field(name)}.{i}"))]
            : [];

    public IReadOnlyList<InputReader> Objects(string name) =>
        Raw(name) is IEnumerable<object?> list
            ? [.. list.Select((v, i) => new InputReader((IReadOnlyDictionary<string, object?>)(v as IDictionary<string, object?> ?? new Dictionary<string, object?>()).AsReadOnly(), $"{Field(name)}.{i}"))]
            : [];

    /// <summary>The rule list under <paramref name="name"/>, as engine records; shape errors name the rule's field.</summary>
    public IReadOnlyList<RuleExpression> Rules(string name) => [.. Objects(name).Select(r => r.Rule())];

    public static InputReader Of(object? input) =>
        new(input is IDictionary<string, object?> d ? d.AsReadOnly() : new Dictionary<string, object?>().AsReadOnly());

    private RuleExpression Rule()
    {
        var kind = Enum<TerritoryRuleKind>("kind") ?? throw new DomainException("REQUIRED", "kind is required.", Field("kind"));
        return kind switch
        {
            TerritoryRuleKind.EqualTo => new EqualsRule(RequiredText("attribute"), RequiredText("value")),
            TerritoryRuleKind.InList => new InListRule(RequiredText("attribute"), Strings("values")),
            TerritoryRuleKind.PostalPrefix => new PostalPrefixRule(Strings("values")),
            TerritoryRuleKind.Range => new RangeRule(RequiredText("attribute"), Number("min"), Number("max")),
            TerritoryRuleKind.AllOf => new AllOfRule(Rules("operands")),
            _ => new AnyOfRule(Rules("operands")),
        };
    }

    private string[] Strings(string name) =>
        Raw(name) is IEnumerable<object?> list ? [.. list.Select(v => (v as string ?? string.Empty).Trim())] : [];
}
