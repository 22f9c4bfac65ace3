using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Domain.Approvals;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Approvals;

/// <summary>Root fields over approval requests.</summary>
public static class ApprovalQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(ApprovalRequestGraphType.TypeName, Capability.ReadPlanning, (s, id) => s.GetRequiredService<ApprovalDataLoaders>().ApprovalById.LoadAsync(id));

        query.Field<NonNullGraphType<ApprovalRequestConnectionGraphType>>("approvalRequests")
            .Requires(Capability.ReadPlanning)
            .Description("Approval requests of the tenant, newest first, a page at a time.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {ApprovalRequestConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<ApprovalStateGraphType>("state", "Only requests in this state.")
            .Argument<StringGraphType>("subjectKind", "Only requests about this kind of subject, e.g. `quota`.")
            .Argument<BooleanGraphType>("awaitingMe", "Only submitted requests whose current step waits for the caller's participant.")
            .ResolveAsync(async c => await ListAsync(c));
    }

    private static async Task<Connection<ApprovalRecord>> ListAsync(IResolveFieldContext c)
    {
        var first = c.GetArgument<int>("first");
        if (first is < 1 or > ApprovalRequestConnectionGraphType.MaxPageSize)
        {
            throw new ExecutionError($"`first` must be between 1 and {ApprovalRequestConnectionGraphType.MaxPageSize}; it was {first}.") { Code = "INVALID_ARGUMENT" };
        }

        var after = c.GetArgument<string?>("after");
        var afterId = Guid.Empty;
        if (after is not null && !Cursor.TryDecode(after, out _, out afterId))
        {
            throw new ExecutionError("`after` is not a cursor returned by this field.") { Code = "INVALID_ARGUMENT" };
        }

        await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
        var query = db.ApprovalRequests.AsNoTracking();
        if (c.GetArgument<ApprovalState?>("state") is { } state)
        {
            query = query.Where(a => a.State == state);
        }

        if (c.GetArgument<string?>("subjectKind") is { } kind)
        {
            query = query.Where(a => a.SubjectKind == kind);
        }

        if (c.GetArgument<bool?>("awaitingMe") == true)
        {
            var me = c.RequestServices!.GetRequiredService<Caller>().ParticipantId ?? Guid.Empty;
            query = query.Where(a => a.State == ApprovalState.Submitted && a.Steps.Any(s => s.Step == a.CurrentStep && s.ApproverId == me));
        }

        var wantsTotal = c.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(c.CancellationToken) : 0;
        if (after is not null)
        {
            query = query.Where(a => a.Id < afterId);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(first + 1).AsSplitQuery().ToListAsync(c.CancellationToken);
        var page = rows.Take(first).Select(a => new Edge<ApprovalRecord>(Cursor.Encode(string.Empty, a.Id), a)).ToList();
        return new Connection<ApprovalRecord>(page, new PageInfo(rows.Count > first, after is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor), total);
    }
}
