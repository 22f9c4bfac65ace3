using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Domain.Events;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Attainment;

/// <summary>
/// Root fields `attainment`, `teamAttainment` and `territoryAttainment`. Credited amounts come from the attainment
/// projection (one primary-key read, moved in the same transaction as every credit), quotas from the approved
/// revenue quotas of the subject and period.
/// </summary>
/// <remarks>
/// Visibility follows sales: admin, finance and partners see every subject; a rep their own attainment and their
/// own team's; a manager everyone in their subtree, their own team and the teams managed inside their subtree;
/// reps and managers see a territory when they or someone in their subtree is assigned to it or to a territory
/// below it. Anything else answers null, like an unknown id.
/// </remarks>
public static class AttainmentQueries
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<AttainmentGraphType>("attainment")
            .Requires(Capability.ReadPerformance)
            .Description("A participant's attainment in a fiscal period: every credit they hold (roll-up and overlay included) against their approved revenue quota. Null when the participant or period is unknown or the caller may not see them.")
            .Argument<IdGraphType>("participantId", "Global id of the participant; omitted: the signed-in person.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId", "Global id of the fiscal month, quarter or year.")
            .ResolveAsync(async c => await ParticipantAsync(c));
        query.Field<AttainmentGraphType>("teamAttainment")
            .Requires(Capability.ReadPerformance)
            .Description("A team's attainment in a fiscal period: the direct, split and territory credits of the members of the team and of the teams below it (never a roll-up on top of the credits it restates) against the team's approved revenue quota. Null when unknown or not visible to the caller.")
            .Argument<NonNullGraphType<IdGraphType>>("teamId", "Global id of the team.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId", "Global id of the fiscal month, quarter or year.")
            .ResolveAsync(async c => await TeamAsync(c));
        query.Field<AttainmentGraphType>("territoryAttainment")
            .Requires(Capability.ReadPerformance)
            .Description("A territory's attainment in a fiscal period: the territory credits of sales in it or in a territory below it (overlays excluded) against the territory's approved revenue quota. Null when unknown or not visible to the caller.")
            .Argument<NonNullGraphType<IdGraphType>>("territoryId", "Global id of the territory.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId", "Global id of the fiscal month, quarter or year.")
            .ResolveAsync(async c => await TerritoryAsync(c));
    }

    private static async Task<AttainmentView?> ParticipantAsync(IResolveFieldContext context)
    {
        var services = context.RequestServices!;
        var caller = services.GetRequiredService<Caller>();
        var participantId = context.GetArgument<string?>("participantId") is { } text ? GlobalId.TryDecode(text, ParticipantGraphType.TypeName) : caller.ParticipantId;
        if (participantId is not { } id)
        {
            return null;
        }

        var visible = await services.GetRequiredService<SalesVisibility>().ParticipantsAsync(context.CancellationToken);
        if (visible is not null && !visible.Contains(id))
        {
            return null;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var name = await db.Participants.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(context.CancellationToken);
        return name is null ? null : await ViewAsync(db, context, AttainmentScope.Participant, id, name, null, null, visible);
    }

    private static async Task<AttainmentView?> TeamAsync(IResolveFieldContext context)
    {
        if (GlobalId.TryDecode(context.GetArgument<string>("teamId"), TeamGraphType.TypeName) is not { } id)
        {
            return null;
        }

        var services = context.RequestServices!;
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, t.ParentTeamId, t.ManagerId }).ToListAsync(context.CancellationToken);
        var team = teams.SingleOrDefault(t => t.Id == id);
        if (team is null)
        {
            return null;
        }

        var visible = await services.GetRequiredService<SalesVisibility>().ParticipantsAsync(context.CancellationToken);
        if (visible is not null)
        {
            var me = services.GetRequiredService<Caller>().ParticipantId;
            var myTeam = me is { } self ? await db.Participants.AsNoTracking().Where(p => p.Id == self).Select(p => p.TeamId).SingleOrDefaultAsync(context.CancellationToken) : null;
            if (myTeam != id && !(team.ManagerId is { } manager && visible.Contains(manager)))
            {
                return null;
            }
        }

        var subtree = Descendants(id, teams.Select(t => (t.Id, t.ParentTeamId)));
        var members = await db.Participants.AsNoTracking().Where(p => p.TeamId != null && subtree.Contains(p.TeamId.Value)).Select(p => p.Id).ToListAsync(context.CancellationToken);
        return await ViewAsync(db, context, AttainmentScope.Team, id, team.Name, members, null, visible);
    }

    private static async Task<AttainmentView?> TerritoryAsync(IResolveFieldContext context)
    {
        if (GlobalId.TryDecode(context.GetArgument<string>("territoryId"), "Territory") is not { } id)
        {
            return null;
        }

        var services = context.RequestServices!;
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var territories = await db.Territories.AsNoTracking().Select(t => new { t.Id, t.Name, t.ParentId }).ToListAsync(context.CancellationToken);
        var territory = territories.SingleOrDefault(t => t.Id == id);
        if (territory is null)
        {
            return null;
        }

        var subtree = Descendants(id, territories.Select(t => (t.Id, t.ParentId)));
        var visible = await services.GetRequiredService<SalesVisibility>().ParticipantsAsync(context.CancellationToken);
        if (visible is not null)
        {
            var people = visible.ToArray();
            if (!await db.TerritoryAssignments.AsNoTracking().AnyAsync(a => subtree.Contains(a.TerritoryId) && people.Contains(a.ParticipantId), context.CancellationToken))
            {
                return null;
            }
        }

        return await ViewAsync(db, context, AttainmentScope.Territory, id, territory.Name, null, subtree, visible);
    }

    private static async Task<AttainmentView?> ViewAsync(
        SpmDbContext db,
        IResolveFieldContext context,
        AttainmentScope scope,
        Guid subjectId,
        string name,
        IReadOnlyList<Guid>? participants,
        IReadOnlyList<Guid>? territories,
        IReadOnlySet<Guid>? visible)
    {
        if (GlobalId.TryDecode(context.GetArgument<string>("periodId"), PeriodGraphType.TypeName) is not { } periodId)
        {
            return null;
        }

        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, context.CancellationToken);
        if (period is null)
        {
            return null;
        }

        var tenantId = context.RequestServices!.GetRequiredService<Caller>().RequireTenant();
        var currency = (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.ReportingCurrency).SingleAsync(context.CancellationToken)).Trim();
        var scopeName = scope.ToString();
        var credited = await db.Attainment.AsNoTracking()
            .Where(a => a.Scope == scopeName && a.ScopeId == subjectId && a.PeriodId == periodId && a.QuotaType == "Revenue")
            .Select(a => (decimal?)a.Credited).SingleOrDefaultAsync(context.CancellationToken) ?? 0.0000m;
        var kind = scope switch { AttainmentScope.Participant => QuotaSubjectKind.Participant, AttainmentScope.Team => QuotaSubjectKind.Team, _ => QuotaSubjectKind.Territory };
        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.SubjectKind == kind && q.PeriodId == periodId && q.Type == QuotaType.Revenue && q.Status == QuotaStatus.Approved
                && (q.ParticipantId == subjectId || q.TeamId == subjectId || q.TerritoryId == subjectId))
            .Select(q => q.Amount).ToListAsync(context.CancellationToken);
        return new AttainmentView(scope, subjectId, name, period, credited, quotas.Count == 0 ? null : quotas.Sum(), currency, participants, territories, visible);
    }

    /// <summary><paramref name="root"/> and every node below it in a parent-linked hierarchy.</summary>
    private static List<Guid> Descendants(Guid root, IEnumerable<(Guid Id, Guid? Parent)> nodes)
    {
        var children = nodes.Where(n => n.Parent is not null).ToLookup(n => n.Parent!.Value, n => n.Id);
        var result = new List<Guid> { root };
        for (var i = 0; i < result.Count && i < 100_000; i++)
        {
            result.AddRange(children[result[i]].Where(c => !result.Contains(c)));
        }

        return result;
    }
}
