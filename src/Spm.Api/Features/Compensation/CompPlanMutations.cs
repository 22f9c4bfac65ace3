using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Domain.Common;
using Spm.Domain.Events;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Outbox;

namespace Spm.Api.Features.Compensation;

/// <summary>Plans, their versions and assignments: sales operations designs them (ManageCompensation).</summary>
public static class CompPlanMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<CompPlanPayloadGraphType>>("createCompPlan")
            .Requires(Capability.ManageCompensation)
            .Description("Creates a plan with its first version as a DRAFT; the document is validated by the compensation engine, and an error names its JSON path.")
            .Argument<NonNullGraphType<CreateCompPlanInputGraphType>>("input", "The plan's name and first version.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, CreateAsync, e => new CompPlanPayload(null, null, [e])));
        mutation.Field<NonNullGraphType<CompPlanPayloadGraphType>>("createCompPlanVersion")
            .Requires(Capability.ManageCompensation)
            .Description("Adds a DRAFT version to a plan (the next version number). Drafts never pay; use them for what-ifs, then publish.")
            .Argument<NonNullGraphType<CreateCompPlanVersionInputGraphType>>("input", "The plan and the new version's document and dates.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, CreateVersionAsync, e => new CompPlanPayload(null, null, [e])));
        mutation.Field<NonNullGraphType<CompPlanPayloadGraphType>>("publishCompPlanVersion")
            .Requires(Capability.ManageCompensation)
            .Description("Publishes a DRAFT version: it pays from its first day; the published version in force before it ends the day before. A version starting on or before an already published one's start is refused.")
            .Argument<NonNullGraphType<PublishCompPlanVersionInputGraphType>>("input", "The version to publish.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, PublishAsync, e => new CompPlanPayload(null, null, [e])));
        mutation.Field<NonNullGraphType<AssignCompPlanPayloadGraphType>>("assignCompPlan")
            .Requires(Capability.ManageCompensation)
            .Description("Puts a participant on a plan over a date range with their on-target earnings and target incentive.")
            .Argument<NonNullGraphType<AssignCompPlanInputGraphType>>("input", "Who, which plan, when, and the targets.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, AssignAsync, e => new AssignCompPlanPayload(null, [e])));
    }

    private static async Task<CompPlanPayload> CreateAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var name = m.RequireText("name", 200);
        var description = input.Text("description")?.Trim();
        if (description is { Length: > 2000 })
        {
            throw new DomainException("TOO_LONG", "description is longer than 2000 characters.", input.Field("description"));
        }

        var (from, to) = Dates(m);
        if (await db.CompPlans.AnyAsync(p => p.Name == name, ct))
        {
            throw new DomainException("COMP_PLAN_NAME_TAKEN", $"A plan named '{name}' exists already.", input.Field("name"));
        }

        var plan = new StoredCompPlan { Id = Guid.CreateVersion7(m.Now), TenantId = m.Caller.RequireTenant(), Name = name, Description = description, CreatedAt = m.Now };
        var version = NewVersion(m, plan, 1, from, to);
        db.CompPlans.Add(plan);
        db.CompPlanVersions.Add(version);
        m.Audit.Record(db, "compPlan.create", "CompPlan", plan.Id.ToString(), null, new { plan.Name, Version = 1, From = from, To = to });
        await db.SaveChangesAsync(ct);
        return new CompPlanPayload(new CompPlanView(plan, [version]), version, []);
    }

    private static async Task<CompPlanPayload> CreateVersionAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var planId = input.RequireId("planId", CompPlanGraphType.TypeName);
        var plan = await db.CompPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new DomainException("NOT_FOUND", "No plan has this id.", input.Field("planId"));
        var (from, to) = Dates(m);
        var versions = await db.CompPlanVersions.AsNoTracking().Where(v => v.PlanId == planId).ToListAsync(ct);
        var version = NewVersion(m, plan, versions.Max(v => v.Version) + 1, from, to);
        db.CompPlanVersions.Add(version);
        m.Audit.Record(db, "compPlan.version.create", "CompPlanVersion", version.Id.ToString(), null, new { Plan = plan.Id, version.Version, From = from, To = to });
        await db.SaveChangesAsync(ct);
        return new CompPlanPayload(new CompPlanView(plan, [version, .. versions.OrderByDescending(v => v.Version)]), version, []);
    }

    private static async Task<CompPlanPayload> PublishAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var id = input.RequireId("versionId", CompPlanVersionGraphType.TypeName);
        var version = await db.CompPlanVersions.SingleOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new DomainException("NOT_FOUND", "No plan version has this id.", input.Field("versionId"));
        if (version.Status != CompPlanVersionStatus.Draft)
        {
            throw new DomainException("COMP_PLAN_VERSION_PUBLISHED", $"Version {version.Version} is published already; published versions never change.", input.Field("versionId"));
        }

        var published = await db.CompPlanVersions.Where(v => v.PlanId == version.PlanId && v.Status == CompPlanVersionStatus.Published).ToListAsync(ct);
        if (published.FirstOrDefault(p => p.EffectiveFrom >= version.EffectiveFrom) is { } later)
        {
            throw new DomainException(
                "COMP_PLAN_VERSION_OVERLAP",
                $"Published version {later.Version} starts on {later.EffectiveFrom:yyyy-MM-dd}, not before this one ({version.EffectiveFrom:yyyy-MM-dd}); a new version must start after every published one.",
                input.Field("versionId"));
        }

        var closed = new List<object>();
        foreach (var previous in published.Where(p => p.EffectiveTo is null || p.EffectiveTo >= version.EffectiveFrom))
        {
            closed.Add(new { previous.Version, Before = previous.EffectiveTo, After = version.EffectiveFrom.AddDays(-1) });
            previous.EffectiveTo = version.EffectiveFrom.AddDays(-1);
        }

        version.Status = CompPlanVersionStatus.Published;
        version.PublishedAt = m.Now;
        m.Audit.Record(db, "compPlan.version.publish", "CompPlanVersion", version.Id.ToString(), new { Status = "Draft" }, new { Status = "Published", version.Version, version.EffectiveFrom, version.EffectiveTo, Closed = closed });
        var onPlan = await db.CompPlanAssignments.AsNoTracking().Where(a => a.PlanId == version.PlanId).Select(a => a.ParticipantId).Distinct().ToListAsync(ct);
        await SaveWithChangeAsync(m, "compPlan.version.publish", onPlan);
        var plan = await db.CompPlans.AsNoTracking().SingleAsync(p => p.Id == version.PlanId, ct);
        var all = await db.CompPlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderByDescending(v => v.Version).ToListAsync(ct);
        return new CompPlanPayload(new CompPlanView(plan, all), version, []);
    }

    private static async Task<AssignCompPlanPayload> AssignAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var participantId = input.RequireId("participantId", ParticipantGraphType.TypeName);
        var participant = await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == participantId, ct)
            ?? throw new DomainException("NOT_FOUND", "No participant has this id.", input.Field("participantId"));
        var planId = input.RequireId("planId", CompPlanGraphType.TypeName);
        if (!await db.CompPlans.AnyAsync(p => p.Id == planId, ct))
        {
            throw new DomainException("NOT_FOUND", "No plan has this id.", input.Field("planId"));
        }

        var (from, to) = Dates(m);
        var ote = input.RequireNumber("onTargetEarnings");
        var target = input.RequireNumber("targetIncentive");
        if (ote < 0)
        {
            throw new DomainException("NEGATIVE_AMOUNT", "onTargetEarnings must not be negative.", input.Field("onTargetEarnings"));
        }

        if (target < 0 || target > ote)
        {
            throw new DomainException("INVALID_AMOUNT", $"targetIncentive must be between 0 and onTargetEarnings ({ote}).", input.Field("targetIncentive"));
        }

        var currency = input.Text("currency") is { } given ? CurrencyCode.Require(given, input.Field("currency")) : participant.PayCurrency;
        var others = await db.CompPlanAssignments.AsNoTracking()
            .Where(a => a.ParticipantId == participantId && (to == null || a.EffectiveFrom <= to) && (a.EffectiveTo == null || a.EffectiveTo >= from))
            .ToListAsync(ct);
        if (others.FirstOrDefault(a => a.Currency.Trim() != currency) is { } clash)
        {
            throw new DomainException("COMP_ASSIGNMENT_CURRENCY", $"The participant's overlapping assignment from {clash.EffectiveFrom:yyyy-MM-dd} pays in {clash.Currency.Trim()}; all of a participant's plans in a period pay in one currency.", input.Field("currency"));
        }

        if (others.Any(a => a.PlanId == planId))
        {
            throw new DomainException("COMP_ASSIGNMENT_OVERLAP", "The participant is already on this plan for part of these dates; end that assignment first.", input.Field("effectiveFrom"));
        }

        var assignment = new StoredCompPlanAssignment
        {
            Id = Guid.CreateVersion7(m.Now),
            TenantId = m.Caller.RequireTenant(),
            ParticipantId = participantId,
            PlanId = planId,
            EffectiveFrom = from,
            EffectiveTo = to,
            OnTargetEarnings = ote,
            TargetIncentive = target,
            Currency = currency,
            CreatedAt = m.Now,
        };
        db.CompPlanAssignments.Add(assignment);
        m.Audit.Record(db, "compPlan.assign", "CompPlanAssignment", assignment.Id.ToString(), null, new { Participant = participantId, Plan = planId, From = from, To = to, OnTargetEarnings = ote, TargetIncentive = target, Currency = currency });
        await SaveWithChangeAsync(m, "compPlan.assign", [participantId]);
        return new AssignCompPlanPayload(assignment, []);
    }

    /// <summary>
    /// Saves a change that moves earnings together with a <c>compensation.changed</c> outbox event naming whom it
    /// concerns, in one transaction, so live earnings drop exactly those participants, in order with their credits.
    /// </summary>
    private static async Task SaveWithChangeAsync(CompensationMutation m, string reason, List<Guid> participants)
    {
        var db = m.Db;
        if (participants.Count == 0)
        {
            // Nobody is on the plan yet: nothing cached can be stale.
            await db.SaveChangesAsync(m.Cancellation);
            return;
        }

        var tenantId = m.Caller.RequireTenant();
        await using var transaction = await db.Database.BeginTransactionAsync(m.Cancellation);
        await db.SaveChangesAsync(m.Cancellation);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        IOutboxEvent changed = new CompensationChanged(Guid.CreateVersion7(m.Now), tenantId, m.Now, reason, participants);
        await OutboxWriter.WriteAsync(connection, npgsqlTransaction, tenantId, [changed], m.Cancellation);
        await OutboxWriter.NotifyAsync(connection, npgsqlTransaction, tenantId, m.Cancellation);
        await transaction.CommitAsync(m.Cancellation);
    }

    private static (DateOnly From, DateOnly? To) Dates(CompensationMutation m)
    {
        var from = m.RequireDate("effectiveFrom");
        var to = m.Date("effectiveTo");
        return to is { } t && t < from
            ? throw new DomainException("INVALID_DATE_RANGE", $"effectiveTo {t:yyyy-MM-dd} is before effectiveFrom {from:yyyy-MM-dd}.", m.Input.Field("effectiveTo"))
            : (from, to);
    }

    private static StoredCompPlanVersion NewVersion(CompensationMutation m, StoredCompPlan plan, int number, DateOnly from, DateOnly? to)
    {
        var text = m.Input.Text("document") ?? throw new DomainException("REQUIRED", "document is required.", m.Input.Field("document"));
        string document;
        try
        {
            (_, document) = CompPlanDocuments.Normalise(text, plan.Id, number, plan.Name, from, to);
        }
        catch (DomainException ex)
        {
            // The engine names the JSON path ("$.components[0].rateTables[0].tiers[1].rate"): keep it in the message,
            // point the field at the document.
            var path = ex.Field is { Length: > 0 } f && !ex.Message.StartsWith(f, StringComparison.Ordinal) ? $"{f}: " : string.Empty;
            throw new DomainException(ex.Code, path + ex.Message, m.Input.Field("document"));
        }

        return new StoredCompPlanVersion
        {
            Id = Guid.CreateVersion7(m.Now),
            TenantId = plan.TenantId,
            PlanId = plan.Id,
            Version = number,
            Status = CompPlanVersionStatus.Draft,
            EffectiveFrom = from,
            EffectiveTo = to,
            Document = document,
            CreatedAt = m.Now,
            CreatedBy = m.Caller.Subject,
        };
    }
}
