using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Spm.Api.Graph;

/// <summary>The `Decimal` scalar: an exact decimal as a JSON string, so money never passes through a float.</summary>
public sealed class DecimalStringGraphType : ScalarGraphType
{
    public DecimalStringGraphType()
    {
        Name = "Decimal";
        Description = "An exact decimal number written as a string, e.g. `\"1250000.00\"`; never a float, so money keeps every cent.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse(s.Value.ToString()) ?? ThrowLiteralConversionError(value),
        GraphQLIntValue i => Parse(i.Value.ToString()) ?? ThrowLiteralConversionError(value),
        GraphQLFloatValue f => Parse(f.Value.ToString()) ?? ThrowLiteralConversionError(value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        decimal d => d,
        int i => (decimal)i,
        long l => (decimal)l,
        // JSON variables may carry plain numbers; a double that is not finite is refused.
        double d when double.IsFinite(d) => (decimal)d,
        string s => Parse(s) ?? ThrowValueConversionError(value),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    /// <summary>Drops trailing zeros a numeric column adds (0.250000 -> 0.25), for ratios and weights; money keeps its scale.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Plain decimal notation only (no exponent, no thousands separators); null when it is not one.</summary>
    public static decimal? Parse(string? text) =>
        text is { Length: > 0 and <= 64 }
        && decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
}
