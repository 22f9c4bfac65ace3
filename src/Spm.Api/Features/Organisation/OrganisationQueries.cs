using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Organisation;

/// <summary>Root fields over the organisation: tenant, participants, teams, periods.</summary>
public static class OrganisationQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(ParticipantGraphType.TypeName, Capability.ReadOrganisation, (s, id) => s.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id));
        nodes.Add(TeamGraphType.TypeName, Capability.ReadOrganisation, (s, id) => s.GetRequiredService<OrganisationDataLoaders>().TeamById.LoadAsync(id));
        nodes.Add(PeriodGraphType.TypeName, Capability.ReadOrganisation, (s, id) => s.GetRequiredService<OrganisationDataLoaders>().PeriodById.LoadAsync(id));
        nodes.Add(TenantGraphType.TypeName, Capability.ReadOrganisation, (s, id) => new TaskResult<Tenant?>(LoadTenantAsync(s, id)));

        query.Field<NonNullGraphType<TenantGraphType>>("tenant")
            .Requires(Capability.ReadOrganisation)
            .Description("The caller's organisation.")
            .ResolveAsync(async c => await LoadTenantAsync(c.RequestServices!, null, c.CancellationToken)
                ?? throw new ExecutionError("The caller's tenant does not exist.") { Code = "NOT_FOUND" });

        query.Field<NonNullGraphType<ParticipantConnectionGraphType>>("participants")
            .Requires(Capability.ReadOrganisation)
            .Description("Participants of the tenant ordered by name, a page at a time.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {ParticipantConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<IdGraphType>("teamId", "Only members of this team (direct members, not sub-teams).")
            .Argument<StringGraphType>("search", "Case-insensitive text contained in the name or email.")
            .ResolveAsync(async c => await ParticipantsAsync(c));

        query.Field<ParticipantGraphType>("participant")
            .Requires(Capability.ReadOrganisation)
            .Description("One participant by global id; null when not found.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of the participant.")
            .Resolve(c => GlobalId.TryDecode(c.GetArgument<string>("id"), ParticipantGraphType.TypeName) is { } id
                ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id)
                : null);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamGraphType>>>>("teams")
            .Requires(Capability.ReadOrganisation)
            .Description("Every team of the tenant, by name. Use `parent` and `children` to walk the hierarchy.")
            .ResolveAsync(async c =>
            {
                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                return await db.Teams.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeriodGraphType>>>>("periods")
            .Requires(Capability.ReadOrganisation)
            .Description("Fiscal periods in date order, years before their quarters before their months; all years when `fiscalYear` is omitted.")
            .Argument<IntGraphType>("fiscalYear", "Only periods of this fiscal year.")
            .ResolveAsync(async c =>
            {
                var fiscalYear = c.GetArgument<int?>("fiscalYear");
                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                var periods = db.Periods.AsNoTracking();
                if (fiscalYear is { } year)
                {
                    periods = periods.Where(p => p.FiscalYear == year);
                }

                var list = await periods.ToListAsync(c.CancellationToken);
                return list.OrderBy(p => p.StartDate).ThenBy(p => p.Kind).ToList();
            });
    }

    private static IDbContextFactory<SpmDbContext> Contexts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>();

    private static async Task<Tenant?> LoadTenantAsync(IServiceProvider services, Guid? id, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(cancellationToken);
        var tenantId = db.CurrentTenantId;
        // A tenant is visible only to its own callers; asking for another one finds nothing.
        if (tenantId is null || (id is not null && id != tenantId))
        {
            return null;
        }

        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
    }

    private static async Task<Connection<Participant>> ParticipantsAsync(IResolveFieldContext context)
    {
        var first = PageArguments.First(context, ParticipantConnectionGraphType.MaxPageSize);

        var after = context.GetArgument<string?>("after");
        string? afterName = null;
        var afterId = Guid.Empty;
        if (after is not null && !Cursor.TryDecode(after, out afterName, out afterId))
        {
            throw new ExecutionError("`after` is not a cursor returned by this field.") { Code = "INVALID_ARGUMENT" };
        }

        await using var db = await Contexts(context).CreateDbContextAsync(context.CancellationToken);
        var query = db.Participants.AsNoTracking();
        if (context.GetArgument<string?>("teamId") is { } teamGlobalId)
        {
            var teamId = GlobalId.TryDecode(teamGlobalId, TeamGraphType.TypeName) ?? Guid.Empty;
            query = query.Where(p => p.TeamId == teamId);
        }

        if (context.GetArgument<string?>("search") is { Length: > 0 } search)
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern, "\\") || EF.Functions.ILike(p.Email, pattern, "\\"));
        }

        // Counting is a second query over the whole filtered list: run it only when asked for.
        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (afterName is not null)
        {
#pragma warning disable CA1309 // EF translates this to SQL '>' in the database's collation, the same one ORDER BY uses.
            query = query.Where(p => string.Compare(p.Name, afterName) > 0 || (p.Name == afterName && p.Id > afterId));
#pragma warning restore CA1309
        }

        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var page = rows.Take(first).Select(p => new Edge<Participant>(Cursor.Encode(p.Name, p.Id), p)).ToList();
        return new Connection<Participant>(
            page,
            new PageInfo(rows.Count > first, after is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor),
            total);
    }
}
