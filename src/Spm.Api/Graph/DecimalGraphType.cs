using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Spm.Api.Graph;

/// <summary>
/// The `Decimal` scalar: exact decimal numbers as strings on the wire ("1234.50"), because JSON numbers become
/// doubles in most clients and money must not. Input also accepts integer and float literals.
/// </summary>
public sealed class SpmDecimalGraphType : ScalarGraphType
{
    public SpmDecimalGraphType()
    {
        Name = "Decimal";
        Description = "An exact decimal number, sent and returned as a string such as `\"1234.50\"` (never a float).";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse(s.Value.ToString()) ?? ThrowLiteralConversionError(value, "Not a decimal number."),
        GraphQLIntValue i => Parse(i.Value.ToString()) ?? ThrowLiteralConversionError(value),
        GraphQLFloatValue f => Parse(f.Value.ToString()) ?? ThrowLiteralConversionError(value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        decimal d => d,
        string s => Parse(s) ?? ThrowValueConversionError(value),
        int i => (decimal)i,
        long l => (decimal)l,
        double d => (decimal)d,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    /// <summary>The same value without trailing zeros (0.600000 becomes 0.6), for ratios and percentages.</summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

    private static decimal? Parse(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;
}
