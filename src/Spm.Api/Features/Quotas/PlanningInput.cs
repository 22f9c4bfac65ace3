using GraphQL;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Common;

namespace Spm.Api.Features.Quotas;

/// <summary>
/// Reads a mutation's `input` object field by field, so every bad value becomes a user error naming
/// its exact path (`input.customWeights.2.weight`) instead of a request-level GraphQL error.
/// Numbers arrive as strings: the API never lets money pass through a float.
/// </summary>
public sealed class PlanningInput
{
    private readonly IDictionary<string, object?> values;

    public PlanningInput(IDictionary<string, object?> values, string path)
    {
        this.values = values;
        Path = path;
    }

    /// <summary>Dotted path of this object, e.g. "input" or "input.customWeights.0".</summary>
    public string Path { get; }

    public static PlanningInput From(IResolveFieldContext context, string argument = "input")
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context.GetArgument<Dictionary<string, object?>>(argument) ?? [], argument);
    }

    public bool Has(string name) => values.TryGetValue(name, out var value) && value is not null;

    public string Field(string name) => $"{Path}.{name}";

    public string? Text(string name) => values.TryGetValue(name, out var value) ? value as string : null;

    public int? Whole(string name) => values.TryGetValue(name, out var value) && value is not null ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool? Bool(string name) => values.TryGetValue(name, out var value) ? value as bool? : null;

    public T? Enum<T>(string name)
        where T : struct, Enum => values.TryGetValue(name, out var value) && value is T t ? t : null;

    /// <summary>A decimal written as a string; a value that is not a number is refused naming the field.</summary>
    public decimal? Number(string name)
    {
        if (!values.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            decimal d => d,
            string s => DecimalStringGraphType.Parse(s) ?? throw new DomainException("NOT_A_NUMBER", $"'{s}' is not a decimal number (write it like \"1250000.00\").", Field(name)),
            _ => throw new DomainException("NOT_A_NUMBER", $"{name} must be a decimal number written as a string.", Field(name)),
        };
    }

    public decimal RequireNumber(string name) =>
        Number(name) ?? throw new DomainException("REQUIRED", $"{name} is required.", Field(name));

    /// <summary>A list of decimals written as strings, each refused by its index when it is not a number.</summary>
    public IReadOnlyList<decimal>? Numbers(string name)
    {
        if (!values.TryGetValue(name, out var value) || value is not IEnumerable<object?> items)
        {
            return null;
        }

        return [.. items.Select((item, i) => new PlanningInput(new Dictionary<string, object?> { ["v"] = item }, $"{Field(name)}.{i}").RequireNumber("v"))];
    }

    /// <summary>The entity id behind a global id of <paramref name="typeName"/>; refused naming the field otherwise.</summary>
    public Guid? Id(string name, string typeName)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return GlobalId.TryDecode(text, typeName)
            ?? throw new DomainException("NOT_FOUND", $"'{text}' is not the id of a {typeName}.", Field(name));
    }

    public Guid RequireId(string name, string typeName) =>
        Id(name, typeName) ?? throw new DomainException("REQUIRED", $"{name} is required.", Field(name));

    /// <summary>The nested input objects of a list field, each with its own path.</summary>
    public IReadOnlyList<PlanningInput> Objects(string name) =>
        values.TryGetValue(name, out var value) && value is IEnumerable<object?> items
            ? [.. items.Select((item, i) => new PlanningInput(item as IDictionary<string, object?> ?? new Dictionary<string, object?>(), $"{Field(name)}.{i}"))]
            : [];

    /// <summary>A domain error as a user error, its field prefixed with <paramref name="prefix"/> unless it is a full path already.</summary>
    public static UserError ToUserError(DomainException exception, string prefix = "input", string? fallbackField = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = exception.Field ?? fallbackField;
        if (field is null)
        {
            return new UserError(exception.Code, exception.Message, []);
        }

        var full = field.StartsWith(prefix + ".", StringComparison.Ordinal) ? field : $"{prefix}.{field}";
        return new UserError(exception.Code, exception.Message, full.Split('.'));
    }
}
