using System.Globalization;
using GraphQL;

namespace Spm.Api.Features.Relay;

/// <summary>The `first` and `after` arguments every connection field takes, checked the same way everywhere.</summary>
public static class PageArguments
{
    /// <summary>`first`, refused (INVALID_ARGUMENT) outside 1 to <paramref name="maxPageSize"/>.</summary>
    public static int First(IResolveFieldContext context, int maxPageSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = context.GetArgument<int>("first");
        return first < 1 || first > maxPageSize
            ? throw new ExecutionError($"`first` must be between 1 and {maxPageSize}; it was {first}.") { Code = "INVALID_ARGUMENT" }
            : first;
    }

    /// <summary>The row id in `after`, null without one; a cursor this API did not issue is INVALID_ARGUMENT.</summary>
    public static Guid? AfterId(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var after = context.GetArgument<string?>("after");
        if (after is null)
        {
            return null;
        }

        return Cursor.TryDecode(after, out _, out var id)
            ? id
            : throw NotACursor();
    }

    /// <summary>
    /// The instant and row id in `after` for lists keyed by a time (newest first), as <see cref="Cursor.Encode(DateTimeOffset, Guid)"/>
    /// wrote them; null without one. A cursor this API did not issue, or whose instant is out of range, is INVALID_ARGUMENT.
    /// </summary>
    public static (DateTimeOffset At, Guid Id)? AfterInstant(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var after = context.GetArgument<string?>("after");
        if (after is null)
        {
            return null;
        }

        return Cursor.TryDecode(after, out var sortKey, out var id)
            && long.TryParse(sortKey, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : throw NotACursor();
    }

    private static ExecutionError NotACursor() => new("`after` is not a cursor returned by this field.") { Code = "INVALID_ARGUMENT" };
}
