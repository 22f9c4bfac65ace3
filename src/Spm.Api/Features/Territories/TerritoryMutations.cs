using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Accounts;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Organisation;
using Spm.Domain.Common;
using Spm.Domain.Territories;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Territories;

/// <summary>Mutations on territories, their rules, overrides and assignments. All need WritePlanning, all are audited.</summary>
public static class TerritoryMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);

        Add<CreateTerritoryPayloadGraphType, CreateTerritoryInputGraphType>(mutation, "createTerritory", "Creates a territory, optionally with rules.", CreateAsync);
        Add<UpdateTerritoryPayloadGraphType, UpdateTerritoryInputGraphType>(mutation, "updateTerritory", "Renames a territory or changes its level, priority or dates.", UpdateAsync);
        Add<MoveTerritoryPayloadGraphType, MoveTerritoryInputGraphType>(mutation, "moveTerritory", "Moves a territory and its subtree under another parent; cycles are refused.", MoveAsync);
        Add<SetTerritoryRulesPayloadGraphType, SetTerritoryRulesInputGraphType>(mutation, "setTerritoryRules", "Replaces a territory's ordered rules.", SetRulesAsync);
        Add<SetTerritoryOverridesPayloadGraphType, SetTerritoryOverridesInputGraphType>(mutation, "setTerritoryOverrides", "Replaces a territory's explicit account includes and excludes.", SetOverridesAsync);

        mutation.Field<NonNullGraphType<AssignTerritoryParticipantPayloadGraphType>>("assignTerritoryParticipant")
            .Requires(Capability.WritePlanning)
            .Description("Assigns a participant to a territory as primary or overlay, with a split, for a date range.")
            .Argument<NonNullGraphType<AssignTerritoryParticipantInputGraphType>>("input", "The assignment.")
            .ResolveAsync(async c => await PlanningMutation.RunAsync(c, (db, audit) => AssignAsync(c, db, audit), e => new AssignmentPayload(null, null, e)));

        mutation.Field<NonNullGraphType<UnassignTerritoryParticipantPayloadGraphType>>("unassignTerritoryParticipant")
            .Requires(Capability.WritePlanning)
            .Description("Ends an assignment on a date, or deletes it when no date is given.")
            .Argument<NonNullGraphType<UnassignTerritoryParticipantInputGraphType>>("input", "Which assignment and until when.")
            .ResolveAsync(async c => await PlanningMutation.RunAsync(c, (db, audit) => UnassignAsync(c, db, audit), e => new AssignmentPayload(null, null, e)));
    }

    /// <summary>The audited shape of a territory.</summary>
    public static object AuditShape(Territory t)
    {
        ArgumentNullException.ThrowIfNull(t);
        using var rules = JsonDocument.Parse(t.RulesJson);
        return new { t.Id, t.Name, t.Level, t.ParentId, t.Priority, t.EffectiveFrom, t.EffectiveTo, RuleMatch = t.RuleMatch.ToString(), Rules = rules.RootElement.Clone() };
    }

    private static void Add<TPayload, TInput>(ObjectGraphType mutation, string name, string description, Func<IResolveFieldContext, SpmDbContext, AuditTrail, Task<TerritoryPayload>> body)
        where TPayload : IGraphType
        where TInput : IGraphType =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Requires(Capability.WritePlanning)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input", "What to change.")
            .ResolveAsync(async c => await PlanningMutation.RunAsync(c, (db, audit) => body(c, db, audit), e => new TerritoryPayload(null, e)));

    private static InputReader Input(IResolveFieldContext c) => InputReader.Of(c.GetArgument<Dictionary<string, object?>>("input"));

    private static Guid Tenant(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<Caller>().RequireTenant();

    private static DateOnly Today(IResolveFieldContext c) => DateOnly.FromDateTime(c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    private static Territory Find(IReadOnlyList<Territory> all, Guid id, string field) =>
        all.SingleOrDefault(t => t.Id == id) ?? throw new DomainException("NOT_FOUND", "No such territory.", field);

    /// <summary>Checks the whole tenant's design after a change: dates, parents, rules and cycles together.</summary>
    private static void Validate(IEnumerable<Territory> all) => TerritoryHierarchy.Create(all.Select(t => t.Definition()));

    private static void SetRules(Territory territory, IReadOnlyList<RuleExpression> rules, RuleMatch match)
    {
        try
        {
            territory.SetRules(rules, match);
        }
        catch (DomainException e) when (e.Field is not null)
        {
            throw new DomainException(e.Code, e.Message, "input." + e.Field);
        }
    }

    private static async Task<TerritoryPayload> CreateAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var all = await db.Territories.ToListAsync(c.CancellationToken);
        var parentId = input.OptionalId("parentId", TerritoryGraphType.TypeName);
        if (parentId is { } p && all.All(t => t.Id != p))
        {
            throw new DomainException("NOT_FOUND", "No such parent territory.", input.Field("parentId"));
        }

        var territory = new Territory(
            Guid.CreateVersion7(),
            Tenant(c),
            input.RequiredText("name"),
            input.RequiredText("level"),
            parentId,
            input.WholeNumber("priority") ?? 0,
            input.Date("effectiveFrom") ?? throw new DomainException("REQUIRED", "effectiveFrom is required.", input.Field("effectiveFrom")),
            input.Date("effectiveTo"));
        SetRules(territory, input.Rules("rules"), input.Enum<RuleMatch>("ruleMatch") ?? RuleMatch.All);
        all.Add(territory);
        Validate(all);
        db.Territories.Add(territory);
        audit.Record(db, "territory.create", "Territory", territory.Id.ToString(), null, AuditShape(territory));
        await db.SaveChangesAsync(c.CancellationToken);
        return new TerritoryPayload(new TerritoryView(territory, Today(c)), []);
    }

    private static async Task<TerritoryPayload> UpdateAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var all = await db.Territories.ToListAsync(c.CancellationToken);
        var territory = Find(all, input.Id("id", TerritoryGraphType.TypeName), input.Field("id"));
        var before = AuditShape(territory);
        territory.Update(
            input.Text("name") ?? territory.Name,
            input.Text("level") ?? territory.Level,
            input.WholeNumber("priority") ?? territory.Priority,
            input.Date("effectiveFrom") ?? territory.EffectiveFrom,
            input.Has("effectiveTo") ? input.Date("effectiveTo") : territory.EffectiveTo);
        Validate(all);
        audit.Record(db, "territory.update", "Territory", territory.Id.ToString(), before, AuditShape(territory));
        await db.SaveChangesAsync(c.CancellationToken);
        return new TerritoryPayload(new TerritoryView(territory, Today(c)), []);
    }

    private static async Task<TerritoryPayload> MoveAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var all = await db.Territories.ToListAsync(c.CancellationToken);
        var territory = Find(all, input.Id("id", TerritoryGraphType.TypeName), input.Field("id"));
        var parentId = input.OptionalId("parentId", TerritoryGraphType.TypeName);
        if (parentId is { } p && all.All(t => t.Id != p))
        {
            throw new DomainException("NOT_FOUND", "No such parent territory.", input.Field("parentId"));
        }

        var before = AuditShape(territory);
        var parents = all.ToDictionary(t => t.Id, t => t.ParentId);
        try
        {
            territory.MoveUnder(parentId, id => parents.GetValueOrDefault(id));
        }
        catch (DomainException e)
        {
            throw new DomainException(e.Code, $"Territory '{territory.Name}' cannot move there: {e.Message}", input.Field("parentId"));
        }

        Validate(all);
        audit.Record(db, "territory.move", "Territory", territory.Id.ToString(), before, AuditShape(territory));
        await db.SaveChangesAsync(c.CancellationToken);
        return new TerritoryPayload(new TerritoryView(territory, Today(c)), []);
    }

    private static async Task<TerritoryPayload> SetRulesAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var all = await db.Territories.ToListAsync(c.CancellationToken);
        var territory = Find(all, input.Id("territoryId", TerritoryGraphType.TypeName), input.Field("territoryId"));
        var before = AuditShape(territory);
        SetRules(territory, input.Rules("rules"), input.Enum<RuleMatch>("ruleMatch") ?? RuleMatch.All);
        Validate(all);
        audit.Record(db, "territory.rules.set", "Territory", territory.Id.ToString(), before, AuditShape(territory));
        await db.SaveChangesAsync(c.CancellationToken);
        return new TerritoryPayload(new TerritoryView(territory, Today(c)), []);
    }

    private static async Task<TerritoryPayload> SetOverridesAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var territoryId = input.Id("territoryId", TerritoryGraphType.TypeName);
        var territory = await db.Territories.SingleOrDefaultAsync(t => t.Id == territoryId, c.CancellationToken)
            ?? throw new DomainException("NOT_FOUND", "No such territory.", input.Field("territoryId"));
        var include = input.Ids("include", AccountGraphType.TypeName);
        var exclude = input.Ids("exclude", AccountGraphType.TypeName);
        var both = include.Intersect(exclude).FirstOrDefault();
        if (both != Guid.Empty)
        {
            throw new DomainException("OVERRIDE_CONFLICT", $"Account {both} is both included and excluded.", input.Field("exclude"));
        }

        var wanted = include.Concat(exclude).Distinct().ToArray();
        var known = await db.Accounts.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(c.CancellationToken);
        foreach (var (list, name) in new[] { (include, "include"), (exclude, "exclude") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (!known.Contains(list[i]))
                {
                    throw new DomainException("NOT_FOUND", $"{name}[{i}] is not an account of this tenant.", $"{input.Field(name)}.{i}");
                }
            }
        }

        // An account may be included in one territory only: name the other territory rather than silently moving it.
        var elsewhere = await db.TerritoryOverrides
            .Where(o => o.Kind == OverrideKind.Include && o.TerritoryId != territoryId && include.Contains(o.AccountId))
            .Join(db.Territories, o => o.TerritoryId, t => t.Id, (o, t) => new { o.AccountId, t.Name })
            .FirstOrDefaultAsync(c.CancellationToken);
        if (elsewhere is not null)
        {
            var index = include.ToList().IndexOf(elsewhere.AccountId);
            throw new DomainException("OVERRIDE_CONFLICT", $"include[{index}] is already included in territory '{elsewhere.Name}'; remove it there first.", $"{input.Field("include")}.{index}");
        }

        var existing = await db.TerritoryOverrides.Where(o => o.TerritoryId == territoryId).ToListAsync(c.CancellationToken);
        var before = Shape(existing);
        var tenant = Tenant(c);
        var target = include.Select(a => (a, OverrideKind.Include)).Concat(exclude.Select(a => (a, OverrideKind.Exclude))).Distinct().ToList();
        db.TerritoryOverrides.RemoveRange(existing.Where(o => !target.Contains((o.AccountId, o.Kind))));
        var added = target.Where(t => !existing.Any(o => o.AccountId == t.Item1 && o.Kind == t.Item2))
            .Select(t => new TerritoryOverride(Guid.CreateVersion7(), tenant, territoryId, t.Item1, t.Item2)).ToList();
        db.TerritoryOverrides.AddRange(added);
        var after = Shape([.. existing.Where(o => target.Contains((o.AccountId, o.Kind))), .. added]);
        if (!before.SequenceEqual(after))
        {
            audit.Record(db, "territory.overrides.set", "Territory", territoryId.ToString(), before, after);
        }

        await db.SaveChangesAsync(c.CancellationToken);
        return new TerritoryPayload(new TerritoryView(territory, Today(c)), []);

        static string[] Shape(IEnumerable<TerritoryOverride> overrides) =>
            [.. overrides.Select(o => $"{o.Kind}:{o.AccountId}").Order(StringComparer.Ordinal)];
    }

    private static async Task<AssignmentPayload> AssignAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var territoryId = input.Id("territoryId", TerritoryGraphType.TypeName);
        var participantId = input.Id("participantId", ParticipantGraphType.TypeName);
        var territory = await db.Territories.SingleOrDefaultAsync(t => t.Id == territoryId, c.CancellationToken)
            ?? throw new DomainException("NOT_FOUND", "No such territory.", input.Field("territoryId"));
        if (!await db.Participants.AnyAsync(p => p.Id == participantId, c.CancellationToken))
        {
            throw new DomainException("NOT_FOUND", "No such participant.", input.Field("participantId"));
        }

        // One writer per territory at a time, so two concurrent primaries cannot both squeeze under 100 %.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('territory_assignments:' || {territoryId.ToString()}))", c.CancellationToken);
        var assignment = Prefix(input, () => new TerritoryParticipant(
            Guid.CreateVersion7(),
            Tenant(c),
            territoryId,
            participantId,
            input.Enum<TerritoryRole>("role") ?? TerritoryRole.Primary,
            input.Number("splitPercent") ?? 100m,
            input.Date("effectiveFrom") ?? throw new DomainException("REQUIRED", "effectiveFrom is required.", "effectiveFrom"),
            input.Date("effectiveTo")));
        var others = await db.TerritoryAssignments.Where(a => a.TerritoryId == territoryId).ToListAsync(c.CancellationToken);
        Prefix(input, () =>
        {
            TerritoryParticipant.EnsureFits(assignment, others, territory.Name);
            return assignment;
        });
        db.TerritoryAssignments.Add(assignment);
        audit.Record(db, "territory.assignment.create", "TerritoryAssignment", assignment.Id.ToString(), null, assignment);
        await db.SaveChangesAsync(c.CancellationToken);
        return new AssignmentPayload(assignment, new TerritoryView(territory, Today(c)), []);
    }

    private static async Task<AssignmentPayload> UnassignAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = Input(c);
        var id = input.Id("assignmentId", TerritoryAssignmentGraphType.TypeName);
        var assignment = await db.TerritoryAssignments.SingleOrDefaultAsync(a => a.Id == id, c.CancellationToken)
            ?? throw new DomainException("NOT_FOUND", "No such assignment.", input.Field("assignmentId"));
        var territory = await db.Territories.SingleAsync(t => t.Id == assignment.TerritoryId, c.CancellationToken);
        var before = new { assignment.Id, assignment.TerritoryId, assignment.ParticipantId, Role = assignment.Role.ToString(), assignment.SplitPercent, assignment.EffectiveFrom, assignment.EffectiveTo };
        if (input.Date("effectiveTo") is { } end)
        {
            Prefix(input, () =>
            {
                assignment.EndOn(end);
                return assignment;
            });
            audit.Record(db, "territory.assignment.end", "TerritoryAssignment", id.ToString(), before, assignment);
            await db.SaveChangesAsync(c.CancellationToken);
            return new AssignmentPayload(assignment, new TerritoryView(territory, Today(c)), []);
        }

        db.TerritoryAssignments.Remove(assignment);
        audit.Record(db, "territory.assignment.delete", "TerritoryAssignment", id.ToString(), before, null);
        await db.SaveChangesAsync(c.CancellationToken);
        return new AssignmentPayload(null, new TerritoryView(territory, Today(c)), []);
    }

    private static T Prefix<T>(InputReader input, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DomainException e) when (e.Field is not null && !e.Field.StartsWith("input", StringComparison.Ordinal))
        {
            throw new DomainException(e.Code, e.Message, input.Field(e.Field));
        }
    }
}
