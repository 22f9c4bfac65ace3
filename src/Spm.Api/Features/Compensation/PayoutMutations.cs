using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Domain.Approvals;
using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Period close through the generic approval workflow: the sales manager approves first (Approve capability),
/// finance second (ManagePayouts); then finance or admin locks the period and payroll takes the CSV. A locked
/// period is never calculated again.
/// </summary>
public static class PayoutMutations
{
    /// <summary>The approval subject kind of payouts.</summary>
    public const string SubjectKind = "payout";

    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<PayoutPayloadGraphType>>("submitPayout")
            .Requires(Capability.ManagePayouts)
            .Description("Closes a period from a completed regular run of everyone: copies each statement's payout into a payout and submits it for approval by the sales manager, then finance.")
            .Argument<NonNullGraphType<SubmitPayoutInputGraphType>>("input", "The run and, optionally, the approvers.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, SubmitAsync, e => new PayoutPayload(null, [e])));
        mutation.Field<NonNullGraphType<PayoutPayloadGraphType>>("approvePayout")
            .Requires(Capability.Approve)
            .Description("The sales manager's approval (first step) of a payout; an admin may act in their place. Finance approves the second step with `financeApprovePayout`.")
            .Argument<NonNullGraphType<DecidePayoutInputGraphType>>("input", "The payout and an optional comment.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, m => DecideAsync(m, step: 0, approve: true), e => new PayoutPayload(null, [e])));
        mutation.Field<NonNullGraphType<PayoutPayloadGraphType>>("financeApprovePayout")
            .Requires(Capability.ManagePayouts)
            .Description("Finance's approval (second and last step) of a payout, after the manager's; an admin may act in their place. The payout becomes APPROVED and can be locked.")
            .Argument<NonNullGraphType<DecidePayoutInputGraphType>>("input", "The payout and an optional comment.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, m => DecideAsync(m, step: 1, approve: true), e => new PayoutPayload(null, [e])));
        mutation.Field<NonNullGraphType<PayoutPayloadGraphType>>("rejectPayout")
            .Requires(Capability.ReadEarnings)
            .Description("Rejects a payout at its current step, by that step's approver (the manager, then finance) or an admin, with a comment. Anyone else is refused with APPROVAL_NOT_ALLOWED.")
            .Argument<NonNullGraphType<DecidePayoutInputGraphType>>("input", "The payout and the (required) comment.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, m => DecideAsync(m, step: null, approve: false), e => new PayoutPayload(null, [e])));
        mutation.Field<NonNullGraphType<PayoutPayloadGraphType>>("lockPayout")
            .Requires(Capability.ManagePayouts)
            .Description("Locks an APPROVED payout's period: it is handed to payroll (GET /payouts/{id}.csv), never calculated again, and locked for crediting in the same transaction (a late sale dated in it posts in the open period, like `lockPeriod`); whatever still changes its recalculation arrives as a prior-period adjustment in the next open period's run.")
            .Argument<NonNullGraphType<DecidePayoutInputGraphType>>("input", "The payout.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, LockAsync, e => new PayoutPayload(null, [e])));
    }

    public static async Task<PayoutView> ViewAsync(SpmDbContext db, PayoutBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var lines = await db.PayoutLines.AsNoTracking().Where(l => l.BatchId == batch.Id).OrderBy(l => l.ParticipantId).ToListAsync(ct);
        var approval = batch.ApprovalRequestId is { } a ? await db.ApprovalRequests.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(r => r.Id == a, ct) : null;
        return new PayoutView(batch, lines, approval);
    }

    private static async Task<PayoutPayload> SubmitAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var runId = input.RequireId("runId", CalculationRunGraphType.TypeName);
        var run = await db.CalculationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new DomainException("NOT_FOUND", "No calculation run has this id.", input.Field("runId"));
        if (run.Status != CalculationRunStatus.Completed || run.Kind != CalculationRunKind.Regular || run.Scope is not null)
        {
            throw new DomainException("PAYOUT_RUN_INVALID", "A payout pays a COMPLETED REGULAR run of everyone (not a what-if, not a run of some participants).", input.Field("runId"));
        }

        if (await CalculationRunExecutor.IsLockedAsync(db, run.PeriodId, ct))
        {
            throw new DomainException("PERIOD_LOCKED", "This period is locked already.", input.Field("runId"));
        }

        if (await db.PayoutBatches.AnyAsync(b => b.PeriodId == run.PeriodId && (b.Status == PayoutStatus.Submitted || b.Status == PayoutStatus.Approved), ct))
        {
            throw new DomainException("PAYOUT_PENDING", "A payout of this period is already waiting for approval or lock; decide it first.", input.Field("runId"));
        }

        var people = await db.Participants.AsNoTracking().ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var manager = await ApproverAsync(m, "managerApproverId", () =>
        {
            // The head of sales: the manager of the top team (the only one without a parent).
            var roots = teams.Where(t => t.ParentTeamId is null && t.ManagerId is not null).Select(t => t.ManagerId!.Value).Distinct().ToList();
            return roots.Count == 1 ? roots[0] : null;
        }, "the manager of the top team (there is no single one; name the manager)");
        var finance = await ApproverAsync(m, "financeApproverId", () =>
            people.Where(p => p.Role == ParticipantRole.Finance && p.Status == ParticipantStatus.Active).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => (Guid?)p.Id).FirstOrDefault(),
            "a finance participant (there is none; name one)");
        if (manager == finance)
        {
            throw new DomainException("APPROVAL_CHAIN_DUPLICATE", "The manager and the finance approver must be two different people.", input.Field("financeApproverId"));
        }

        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == run.PeriodId, ct);
        var batch = new PayoutBatch
        {
            Id = Guid.CreateVersion7(m.Now),
            TenantId = run.TenantId,
            PeriodId = run.PeriodId,
            RunId = run.Id,
            Status = PayoutStatus.Submitted,
            CreatedAt = m.Now,
            CreatedBy = m.Caller.Subject,
        };
        var requester = m.Caller.ParticipantId ?? Guid.Empty;
        ApprovalRequest request;
        try
        {
            request = ApprovalRequest.Create(new ApprovalSubject(SubjectKind, batch.Id), requester, [manager, finance]).Submit(requester, m.Now, m.Caller.Role == SpmRoles.Admin || requester == Guid.Empty);
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            throw new DomainException(ex.Code, ex.Message, input.Field("runId"));
        }

        var record = new ApprovalRecord(Guid.CreateVersion7(m.Now), run.TenantId, request, $"{period.Name} payout", m.Caller.Subject, m.Now);
        batch.ApprovalRequestId = record.Id;
        var results = await db.CalculationResults.AsNoTracking().Where(r => r.RunId == run.Id).OrderBy(r => r.ParticipantId).ToListAsync(ct);
        var lines = results.Select(r => new PayoutLine { BatchId = batch.Id, ParticipantId = r.ParticipantId, TenantId = run.TenantId, Amount = r.Payout, Currency = r.Currency.Trim() }).ToList();
        db.ApprovalRequests.Add(record);
        db.PayoutBatches.Add(batch);
        db.PayoutLines.AddRange(lines);
        m.Audit.Record(db, "payout.submit", "Payout", batch.Id.ToString(), null, new { Period = period.Name, Run = run.Id, Lines = lines.Count, Approvers = new[] { manager, finance } });
        await db.SaveChangesAsync(ct);
        return new PayoutPayload(new PayoutView(batch, lines, record), []);
    }

    private static async Task<Guid> ApproverAsync(CompensationMutation m, string field, Func<Guid?> fallback, string what)
    {
        if (m.Input.Id(field, ParticipantGraphType.TypeName) is { } id)
        {
            return await m.Db.Participants.AnyAsync(p => p.Id == id, m.Cancellation)
                ? id
                : throw new DomainException("NOT_FOUND", "No participant has this id.", m.Input.Field(field));
        }

        return fallback() ?? throw new DomainException("PAYOUT_APPROVER_MISSING", $"No approver given and no default: {what}.", m.Input.Field(field));
    }

    /// <param name="step">The step this mutation decides (0 manager, 1 finance); null for whichever is current.</param>
    private static async Task<PayoutPayload> DecideAsync(CompensationMutation m, int? step, bool approve)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var batch = await BatchAsync(m);
        if (batch.Status != PayoutStatus.Submitted || batch.ApprovalRequestId is not { } requestId)
        {
            throw new DomainException("PAYOUT_NOT_SUBMITTED", $"The payout is {batch.Status.ToString().ToUpperInvariant()}, not waiting for approval.", input.Field("payoutId"));
        }

        var record = await db.ApprovalRequests.AsSplitQuery().SingleAsync(r => r.Id == requestId, ct);
        if (step is { } s && record.CurrentStep != s)
        {
            var who = record.CurrentStep == 0 ? "the manager (approvePayout)" : "finance (financeApprovePayout)";
            throw new DomainException("PAYOUT_WRONG_STEP", $"The payout is waiting for {who}.", input.Field("payoutId"));
        }

        var comment = input.Text("comment")?.Trim();
        var isAdmin = m.Caller.Role == SpmRoles.Admin;
        var actor = m.Caller.ParticipantId ?? Guid.Empty;
        var before = new { Status = batch.Status.ToString(), Step = record.CurrentStep };
        try
        {
            var current = record.ToRequest();
            var next = approve
                ? current.Approve(actor, m.Now, isAdmin, string.IsNullOrEmpty(comment) ? null : comment)
                : current.Reject(actor, m.Now, comment ?? string.Empty, isAdmin);
            record.Apply(next, m.Caller.Subject, m.Now);
        }
        catch (DomainException ex) when (ex.Code == "APPROVAL_COMMENT_REQUIRED")
        {
            throw new DomainException(ex.Code, ex.Message, input.Field("comment"));
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            throw new DomainException(ex.Code, ex.Message, input.Field("payoutId"));
        }

        if (record.State == ApprovalState.Approved)
        {
            batch.Status = PayoutStatus.Approved;
            batch.ApprovedAt = m.Now;
        }
        else if (record.State == ApprovalState.Rejected)
        {
            batch.Status = PayoutStatus.Rejected;
        }

        m.Audit.Record(db, approve ? "payout.approve" : "payout.reject", "Payout", batch.Id.ToString(), before, new { Status = batch.Status.ToString(), Step = record.CurrentStep, Comment = comment });
        await db.SaveChangesAsync(ct);
        return new PayoutPayload(await ViewAsync(db, batch, ct), []);
    }

    private static async Task<PayoutPayload> LockAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var batch = await BatchAsync(m);
        if (batch.Status != PayoutStatus.Approved)
        {
            throw new DomainException("PAYOUT_NOT_APPROVED", $"Only an APPROVED payout is locked; this one is {batch.Status.ToString().ToUpperInvariant()}.", input.Field("payoutId"));
        }

        batch.Status = PayoutStatus.Locked;
        batch.LockedAt = m.Now;
        // One notion of a locked period: the paid period is locked for crediting too, in the same transaction, so a sale
        // arriving late for it posts its credit in the open period and is paid there by that period's own run. The paid
        // period's recalculation (prior-period adjustments, CompensationInputLoader) reads credits by posting date, so
        // it never sees that credit: each cent is paid once, by the open period's credit or by an adjustment, never both.
        var creditingLocked = await db.PeriodLocks.AnyAsync(l => l.PeriodId == batch.PeriodId, ct);
        if (!creditingLocked)
        {
            db.PeriodLocks.Add(new PeriodLock { TenantId = batch.TenantId, PeriodId = batch.PeriodId, LockedAt = m.Now });
        }

        m.Audit.Record(db, "payout.lock", "Payout", batch.Id.ToString(), new { Status = "Approved", CreditingLocked = creditingLocked }, new { Status = "Locked", Period = batch.PeriodId, CreditingLocked = true });
        await db.SaveChangesAsync(ct);
        return new PayoutPayload(await ViewAsync(db, batch, ct), []);
    }

    private static async Task<PayoutBatch> BatchAsync(CompensationMutation m)
    {
        var id = m.Input.RequireId("payoutId", PayoutGraphType.TypeName);
        return await m.Db.PayoutBatches.SingleOrDefaultAsync(b => b.Id == id, m.Cancellation)
            ?? throw new DomainException("NOT_FOUND", "No payout has this id.", m.Input.Field("payoutId"));
    }
}
