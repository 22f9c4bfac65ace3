using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Spm.Api.Features.Sales;

/// <summary>
/// The `Decimal` scalar: an exact decimal number written as a string (`"1250.50"`), so money never passes
/// through a binary float. Inputs also accept a JSON number, parsed from its text.
/// </summary>
public sealed class ExactDecimalGraphType : ScalarGraphType
{
    public ExactDecimalGraphType()
    {
        Name = "Decimal";
        Description = "An exact decimal number as a string, e.g. `\"1250.50\"` (never a float). Inputs also accept a number literal.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse(s.Value.ToString()),
        GraphQLIntValue i => Parse(i.Value.ToString()),
        GraphQLFloatValue f => Parse(f.Value.ToString()),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        decimal d => d,
        string s => Parse(s),
        int i => (decimal)i,
        long l => (decimal)l,
        double d => decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static decimal Parse(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new FormatException($"'{text}' is not a decimal number such as \"1250.50\".");
}
