using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Pipeline;

namespace Spm.Api.Features.Pipeline;

/// <summary>`opportunities`: the pipeline the caller may see.</summary>
public static class OpportunityQueries
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<OpportunityConnectionGraphType>>("opportunities")
            .Requires(Capability.ReadPerformance)
            .Description("Opportunities, most recently created in Spm first, with their stage history: everything for admin, finance and partners; a rep's own; a manager's subtree's.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {OpportunityConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<StringGraphType>("stage", "Only opportunities currently in this stage (exact name).")
            .Argument<IdGraphType>("ownerParticipantId", "Only opportunities owned by this participant.")
            .ResolveAsync(async c => await PageAsync(c));
    }

    private static async Task<Connection<Opportunity>> PageAsync(IResolveFieldContext context)
    {
        var first = PageArguments.First(context, OpportunityConnectionGraphType.MaxPageSize);

        var afterId = PageArguments.AfterId(context);

        var services = context.RequestServices!;
        var visible = await services.GetRequiredService<SalesVisibility>().ParticipantsAsync(context.CancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var query = db.Opportunities.AsNoTracking();
        if (visible is not null)
        {
            var ids = visible.ToArray();
            query = query.Where(o => ids.Contains(o.OwnerParticipantId));
        }

        if (context.GetArgument<string?>("stage") is { } stage)
        {
            query = query.Where(o => o.Stage == stage);
        }

        if (context.GetArgument<string?>("ownerParticipantId") is { } ownerText)
        {
            var owner = GlobalId.TryDecode(ownerText, "Participant") ?? Guid.Empty;
            query = query.Where(o => o.OwnerParticipantId == owner);
        }

        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (afterId is { } afterRow)
        {
            // Ids are version 7 (time-ordered): newest first is descending id, a stable keyset.
            query = query.Where(o => o.Id.CompareTo(afterRow) < 0);
        }

        var rows = await query.OrderByDescending(o => o.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var page = rows.Take(first).Select(o => new Edge<Opportunity>(Cursor.Encode(string.Empty, o.Id), o)).ToList();
        return new Connection<Opportunity>(page, new PageInfo(rows.Count > first, afterId is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor), total);
    }
}
