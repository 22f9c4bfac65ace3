using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Infrastructure.Activities;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Activities;

/// <summary>`activities`: the logged activities the caller may see.</summary>
public static class ActivityQueries
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ActivityConnectionGraphType>>("activities")
            .Requires(Capability.ReadPerformance)
            .Description("Logged activities, latest first (by when they happened): everything for admin, finance and partners; a rep's own; a manager's subtree's.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {ActivityConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<IdGraphType>("participantId", "Only this participant's activities.")
            .Argument<ActivityKindGraphType>("kind", "Only activities of this kind.")
            .Argument<CalendarDateGraphType>("from", "Only activities on or after this day (UTC).")
            .Argument<CalendarDateGraphType>("to", "Only activities on or before this day (UTC).")
            .ResolveAsync(async c => await PageAsync(c));
    }

    private static async Task<Connection<Activity>> PageAsync(IResolveFieldContext context)
    {
        var first = PageArguments.First(context, ActivityConnectionGraphType.MaxPageSize);

        var after = PageArguments.AfterInstant(context);

        var services = context.RequestServices!;
        var visible = await services.GetRequiredService<SalesVisibility>().ParticipantsAsync(context.CancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var query = db.Activities.AsNoTracking();
        if (visible is not null)
        {
            var ids = visible.ToArray();
            query = query.Where(a => ids.Contains(a.ParticipantId));
        }

        if (context.GetArgument<string?>("participantId") is { } participantText)
        {
            var participant = GlobalId.TryDecode(participantText, "Participant") ?? Guid.Empty;
            query = query.Where(a => a.ParticipantId == participant);
        }

        if (context.GetArgument<ActivityKind?>("kind") is { } kind)
        {
            var name = kind.ToString();
            query = query.Where(a => a.Kind == name);
        }

        if (context.GetArgument<DateOnly?>("from") is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.OccurredAt >= start);
        }

        if (context.GetArgument<DateOnly?>("to") is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.OccurredAt < end);
        }

        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (after is (var afterAt, var afterId))
        {
            // Keyset on (occurredAt, id) descending: stable under inserts of older or newer activities.
            query = query.Where(a => a.OccurredAt < afterAt || (a.OccurredAt == afterAt && a.Id.CompareTo(afterId) < 0));
        }

        var rows = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var page = rows.Take(first).Select(a => new Edge<Activity>(Cursor.Encode(a.OccurredAt, a.Id), a)).ToList();
        return new Connection<Activity>(page, new PageInfo(rows.Count > first, after is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor), total);
    }
}
