using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Territories;
using Spm.Domain.Common;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Contests;

/// <summary>createContest, updateContest, cancelContest and rebuildContest: ManageLeaderboards, all-or-nothing, audited.</summary>
public static class ContestMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        Add<CreateContestInputGraphType>(mutation, "createContest", "Creates a SCHEDULED contest; the scheduler starts it at `startsAt` and ends it at `endsAt`, freezing the standings and announcing the winners.", CreateAsync);
        Add<UpdateContestInputGraphType>(mutation, "updateContest", "Changes a contest before it starts; a running or closed contest is refused (CONTEST_STARTED).", UpdateAsync);
        Add<ContestIdInputGraphType>(mutation, "cancelContest", "Calls off a scheduled or running contest; it gets no winners. Screens are told.", CancelAsync);
        Add<ContestIdInputGraphType>(mutation, "rebuildContest", "Recomputes a running contest's live scores from PostgreSQL (after Redis lost data, for instance); other states are refused.", RebuildAsync);
    }

    /// <summary>The audited shape of a contest.</summary>
    public static object AuditShape(Contest c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new
        {
            c.Id,
            c.Key,
            c.Title,
            Format = c.Format.ToString(),
            Metric = c.Metric.ToString(),
            Status = c.Status.ToString(),
            c.StartsAt,
            c.EndsAt,
            c.Goal,
            c.BaselineStart,
            c.BaselineEnd,
            Scope = c.Scope.ToString(),
            c.ScopeTeamId,
            c.ParticipantIds,
            c.TeamIds,
            c.Pairs,
            c.Prizes,
            c.CashPrizes,
            c.Hidden,
        };
    }

    private static void Add<TInput>(ObjectGraphType mutation, string name, string description, Func<IResolveFieldContext, SpmDbContext, AuditTrail, Task<Contest>> body)
        where TInput : IGraphType =>
        mutation.Field<NonNullGraphType<ContestPayloadGraphType>>(name)
            .Requires(Capability.ManageLeaderboards)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input", "Which contest and what to change.")
            .ResolveAsync(async c =>
            {
                var payload = await PlanningMutation.RunAsync(c, async (db, audit) => new ContestPayload(await body(c, db, audit), []), e => new ContestPayload(null, e));
                if (payload.Contest is { } contest && name is "cancelContest")
                {
                    // After the commit: screens must never hear of a change that rolled back.
                    var services = c.RequestServices!;
                    await using var db = services.GetRequiredService<ContestDatabase>().For(contest.TenantId);
                    await services.GetRequiredService<ContestLifecycle>().NotifyAsync(db, contest, c.CancellationToken);
                }

                return payload;
            });

    private static InputReader Input(IResolveFieldContext c) => InputReader.Of(c.GetArgument<Dictionary<string, object?>>("input"));

    private static DateTimeOffset Now(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();

    private static async Task<Contest> CreateAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var definition = await DefinitionAsync(input, db, null, c.CancellationToken);
        var tenantId = c.RequestServices!.GetRequiredService<Caller>().RequireTenant();
        var contest = Validated(input, () => new Contest(Guid.CreateVersion7(Now(c)), tenantId, definition, Now(c)));
        await RequireFreeKeyAsync(db, input, contest, c.CancellationToken);
        db.Contests.Add(contest);
        audit.Record(db, "contest.create", "Contest", contest.Id.ToString(), null, AuditShape(contest));
        await db.SaveChangesAsync(c.CancellationToken);
        return contest;
    }

    private static async Task<Contest> UpdateAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var contest = await FindAsync(input, db, c.CancellationToken);
        var before = AuditShape(contest);
        var definition = await DefinitionAsync(input, db, contest, c.CancellationToken);
        Validated(input, () =>
        {
            contest.Update(definition, Now(c));
            return contest;
        });
        await RequireFreeKeyAsync(db, input, contest, c.CancellationToken);
        audit.Record(db, "contest.update", "Contest", contest.Id.ToString(), before, AuditShape(contest));
        await db.SaveChangesAsync(c.CancellationToken);
        return contest;
    }

    private static async Task<Contest> CancelAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var contest = await FindAsync(input, db, c.CancellationToken);
        var before = AuditShape(contest);
        Validated(input, () =>
        {
            contest.Cancel(Now(c));
            return contest;
        });
        audit.Record(db, "contest.cancel", "Contest", contest.Id.ToString(), before, AuditShape(contest));
        await db.SaveChangesAsync(c.CancellationToken);
        return contest;
    }

    private static async Task<Contest> RebuildAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var contest = await FindAsync(input, db, c.CancellationToken);
        if (contest.Status != ContestStatus.Running)
        {
            throw new DomainException("CONTEST_STATE", "Only a running contest has live scores to rebuild.", input.Field("id"));
        }

        // Audited first, in the same transaction that the rebuild's success commits.
        audit.Record(db, "contest.rebuild", "Contest", contest.Id.ToString(), null, new { contest.Id, contest.Key });
        await db.SaveChangesAsync(c.CancellationToken);
        await c.RequestServices!.GetRequiredService<ContestLifecycle>().RebuildAsync(contest.TenantId, contest.Id, c.CancellationToken);
        return contest;
    }

    private static async Task<Contest> FindAsync(InputReader input, SpmDbContext db, CancellationToken cancellationToken)
    {
        var id = input.Id("id", ContestGraphType.TypeName);
        return await db.Contests.SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new DomainException("NOT_FOUND", "No such contest.", input.Field("id"));
    }

    private static async Task RequireFreeKeyAsync(SpmDbContext db, InputReader input, Contest contest, CancellationToken cancellationToken)
    {
        if (await db.Contests.AnyAsync(x => x.Key == contest.Key && x.Id != contest.Id, cancellationToken))
        {
            throw new DomainException("KEY_TAKEN", $"Another contest already has key '{contest.Key}'.", input.Field("key"));
        }
    }

    /// <summary>Runs a domain step, naming the offending input field in its error.</summary>
    private static Contest Validated(InputReader input, Func<Contest> step)
    {
        try
        {
            return step();
        }
        catch (DomainException e) when (e.Field is not null)
        {
            throw new DomainException(e.Code, e.Message, input.Field(e.Field));
        }
    }

    /// <summary>The definition from the input, falling back to <paramref name="existing"/> for absent fields; ids must be the tenant's.</summary>
    private static async Task<ContestDefinition> DefinitionAsync(InputReader input, SpmDbContext db, Contest? existing, CancellationToken cancellationToken)
    {
        var participantIds = input.Has("participantIds") ? input.Ids("participantIds", ParticipantGraphType.TypeName) : existing?.ParticipantIds ?? [];
        var teamIds = input.Has("teamIds") ? input.Ids("teamIds", TeamGraphType.TypeName) : existing?.TeamIds ?? [];
        var pairs = input.Has("pairs")
            ? [.. input.Objects("pairs").Select(p => new ContestPair(p.Id("first", ParticipantGraphType.TypeName), p.Id("second", ParticipantGraphType.TypeName)))]
            : existing?.Pairs ?? [];
        var scopeTeamId = input.Has("scopeTeamId") ? input.OptionalId("scopeTeamId", TeamGraphType.TypeName) : existing?.ScopeTeamId;
        var roster = await ContestRoster.LoadAsync(db, cancellationToken);
        Known(input, "participantIds", participantIds, roster.IsParticipant);
        Known(input, "teamIds", teamIds, roster.IsTeam);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!roster.IsParticipant(pairs[i].First) || !roster.IsParticipant(pairs[i].Second))
            {
                throw new DomainException("NOT_FOUND", "A pair names someone who is not a participant of this tenant.", $"{input.Field("pairs")}.{i}");
            }
        }

        if (scopeTeamId is { } team && !roster.IsTeam(team))
        {
            throw new DomainException("NOT_FOUND", "scopeTeamId is not a team of this tenant.", input.Field("scopeTeamId"));
        }

        return new ContestDefinition(
            input.Text("key") ?? existing?.Key ?? string.Empty,
            input.Text("title") ?? existing?.Title ?? string.Empty,
            input.Enum<ContestFormat>("format") ?? existing?.Format ?? default,
            input.Enum<LiveMetric>("metric") ?? existing?.Metric ?? default,
            Instant(input, "startsAt") ?? existing?.StartsAt ?? default,
            Instant(input, "endsAt") ?? existing?.EndsAt ?? default,
            input.Has("goal") ? input.Number("goal") : existing?.Goal,
            input.Has("baselineStart") ? input.Date("baselineStart") : existing?.BaselineStart,
            input.Has("baselineEnd") ? input.Date("baselineEnd") : existing?.BaselineEnd,
            input.Enum<ContestScope>("scope") ?? existing?.Scope ?? ContestScope.Company,
            scopeTeamId,
            participantIds,
            teamIds,
            pairs,
            input.Has("prizes") && input.Raw("prizes") is IEnumerable<object?> prizes ? [.. prizes.Select(p => p as string ?? string.Empty)] : existing?.Prizes ?? [],
            input.Raw("hidden") is bool hidden ? hidden : existing?.Hidden ?? false,
            input.Has("cashPrizes")
                ? [.. input.Objects("cashPrizes").Select(p => new ContestCashPrize(p.WholeNumber("place") ?? 0, p.Number("amount") ?? 0m, p.Text("currency") ?? string.Empty))]
                : existing?.CashPrizes ?? []);
    }

    private static DateTimeOffset? Instant(InputReader input, string name) => input.Raw(name) switch
    {
        DateTimeOffset o => o,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        _ => null,
    };

    private static void Known(InputReader input, string name, IReadOnlyList<Guid> ids, Func<Guid, bool> exists)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!exists(ids[i]))
            {
                throw new DomainException("NOT_FOUND", $"{name}[{i}] is not of this tenant.", $"{input.Field(name)}.{i}");
            }
        }
    }
}
