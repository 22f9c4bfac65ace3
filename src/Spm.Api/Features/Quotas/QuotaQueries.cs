using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Quotas;

/// <summary>Root fields over quotas.</summary>
public static class QuotaQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(QuotaGraphType.TypeName, Capability.ReadPlanning, (s, id) => s.GetRequiredService<QuotaDataLoaders>().QuotaById.LoadAsync(id));

        query.Field<NonNullGraphType<QuotaConnectionGraphType>>("quotas")
            .Requires(Capability.ReadPlanning)
            .Description("Quotas of one period, a page at a time, optionally for one subject or kind of subject and one type.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {QuotaConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<NonNullGraphType<IdGraphType>>("periodId", "Global id of the fiscal year, quarter or month.")
            .Argument<QuotaSubjectKindGraphType>("subjectKind", "Only quotas of participants, teams or territories.")
            .Argument<IdGraphType>("subjectId", "Only the quotas of this participant, team or territory (its global id).")
            .Argument<QuotaTypeGraphType>("type", "Only quotas of this type.")
            .Argument<BooleanGraphType>("overlay", "true: only overlay quotas; false: none; omitted: both.")
            .ResolveAsync(async c => await ListAsync(c));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuotaChangeGraphType>>>>("quotaHistory")
            .Requires(Capability.ReadPlanning)
            .Description("Every change of one quota (old and new amount and status, who, when, why), oldest first; empty for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("quotaId", "Global id of the quota.")
            .ResolveAsync(async c =>
            {
                if (GlobalId.TryDecode(c.GetArgument<string>("quotaId"), QuotaGraphType.TypeName) is not { } id)
                {
                    return new List<QuotaChange>();
                }

                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
                return await db.QuotaChanges.AsNoTracking().Where(h => h.QuotaId == id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(c.CancellationToken);
            });
    }

    private static async Task<Connection<Quota>> ListAsync(IResolveFieldContext c)
    {
        var first = c.GetArgument<int>("first");
        if (first is < 1 or > QuotaConnectionGraphType.MaxPageSize)
        {
            throw new ExecutionError($"`first` must be between 1 and {QuotaConnectionGraphType.MaxPageSize}; it was {first}.") { Code = "INVALID_ARGUMENT" };
        }

        var after = c.GetArgument<string?>("after");
        var afterId = Guid.Empty;
        if (after is not null && !Cursor.TryDecode(after, out _, out afterId))
        {
            throw new ExecutionError("`after` is not a cursor returned by this field.") { Code = "INVALID_ARGUMENT" };
        }

        // An id of another type or tenant simply matches nothing.
        var periodId = GlobalId.TryDecode(c.GetArgument<string>("periodId"), PeriodGraphType.TypeName) ?? Guid.Empty;
        await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
        var query = db.Quotas.AsNoTracking().Where(q => q.PeriodId == periodId);
        if (c.GetArgument<QuotaSubjectKind?>("subjectKind") is { } kind)
        {
            query = query.Where(q => q.SubjectKind == kind);
        }

        if (c.GetArgument<string?>("subjectId") is { } subject)
        {
            GlobalId.TryDecode(subject, out var typeName, out var id);
            query = typeName switch
            {
                ParticipantGraphType.TypeName => query.Where(q => q.ParticipantId == id),
                TeamGraphType.TypeName => query.Where(q => q.TeamId == id),
                QuotaGraphType.TerritoryTypeName => query.Where(q => q.TerritoryId == id),
                _ => query.Where(q => false),
            };
        }

        if (c.GetArgument<QuotaType?>("type") is { } type)
        {
            query = query.Where(q => q.Type == type);
        }

        if (c.GetArgument<bool?>("overlay") is { } overlay)
        {
            query = query.Where(q => q.IsOverlay == overlay);
        }

        var wantsTotal = c.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(c.CancellationToken) : 0;
        if (after is not null)
        {
            query = query.Where(q => q.Id > afterId);
        }

        var rows = await query.OrderBy(q => q.Id).Take(first + 1).ToListAsync(c.CancellationToken);
        var page = rows.Take(first).Select(q => new Edge<Quota>(Cursor.Encode(string.Empty, q.Id), q)).ToList();
        return new Connection<Quota>(page, new PageInfo(rows.Count > first, after is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor), total);
    }
}
