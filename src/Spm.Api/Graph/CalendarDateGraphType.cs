using GraphQL.Types;

namespace Spm.Api.Graph;

/// <summary>The `Date` scalar: a calendar date with no time or zone.</summary>
public sealed class CalendarDateGraphType : DateOnlyGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "A calendar date with no time of day or time zone, as ISO 8601 `yyyy-MM-dd`.";
    }
}
