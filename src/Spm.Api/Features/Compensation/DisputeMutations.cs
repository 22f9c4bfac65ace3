using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Domain.Common;
using Spm.Domain.Events;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Outbox;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Disputes: a rep (or their manager) opens one on a statement line or a credit they may read; sales operations
/// moves it OPEN → IN_REVIEW → RESOLVED (with an adjustment paid in an open period) or REJECTED. Every change is
/// audited and written to the outbox as <c>dispute.changed</c> in the same transaction, so the rep is told live.
/// </summary>
public static class DisputeMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<DisputePayloadGraphType>>("openDispute")
            .Requires(Capability.ReadEarnings)
            .Description("Opens a dispute on a statement line (runId + lineNo) or a credit (creditId) whose earnings you may read: your own, or your team's as a manager.")
            .Argument<NonNullGraphType<OpenDisputeInputGraphType>>("input", "What is disputed and why.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, OpenAsync, e => new DisputePayload(null, [e])));
        mutation.Field<NonNullGraphType<DisputePayloadGraphType>>("reviewDispute")
            .Requires(Capability.ManageCompensation)
            .Description("Takes an OPEN dispute into review (IN_REVIEW).")
            .Argument<NonNullGraphType<DecideDisputeInputGraphType>>("input", "The dispute.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, m => DecideAsync(m, DisputeStatus.InReview), e => new DisputePayload(null, [e])));
        mutation.Field<NonNullGraphType<DisputePayloadGraphType>>("resolveDispute")
            .Requires(Capability.ManageCompensation)
            .Description("Resolves an OPEN or IN_REVIEW dispute, optionally with an adjustment paid in an open period (the next calculation run of that period shows it as a line).")
            .Argument<NonNullGraphType<DecideDisputeInputGraphType>>("input", "The dispute, the resolution and the adjustment.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, m => DecideAsync(m, DisputeStatus.Resolved), e => new DisputePayload(null, [e])));
        mutation.Field<NonNullGraphType<DisputePayloadGraphType>>("rejectDispute")
            .Requires(Capability.ManageCompensation)
            .Description("Rejects an OPEN or IN_REVIEW dispute with the reason.")
            .Argument<NonNullGraphType<DecideDisputeInputGraphType>>("input", "The dispute and the reason.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, m => DecideAsync(m, DisputeStatus.Rejected), e => new DisputePayload(null, [e])));
    }

    private static async Task<DisputePayload> OpenAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var visibility = m.Services.GetRequiredService<EarningsVisibility>();
        var description = m.RequireText("description", 4000);
        var dispute = new Dispute
        {
            Id = Guid.CreateVersion7(m.Now),
            TenantId = m.Caller.RequireTenant(),
            Description = description,
            Status = DisputeStatus.Open,
            OpenedBy = m.Caller.Subject,
            OpenedAt = m.Now,
            UpdatedAt = m.Now,
        };
        if (input.Has("creditId"))
        {
            if (input.Has("runId") || input.Has("lineNo"))
            {
                throw new DomainException("DISPUTE_SUBJECT_AMBIGUOUS", "Dispute either a statement line (runId + lineNo) or a credit (creditId), not both.", input.Field("creditId"));
            }

            var creditId = Guid.TryParse(input.Text("creditId"), out var cid) ? cid : throw new DomainException("NOT_FOUND", "Not the id of a credit.", input.Field("creditId"));
            var credit = await db.Credits.AsNoTracking().SingleOrDefaultAsync(x => x.Id == creditId, ct);
            if (credit is null || !await visibility.MayReadAsync(credit.ParticipantId, ct))
            {
                throw new DomainException("NOT_FOUND", "No credit you may read has this id.", input.Field("creditId"));
            }

            var period = credit.PeriodId ?? await db.Periods.AsNoTracking()
                .Where(p => p.Kind == PeriodKind.Month && p.StartDate <= credit.PostingDate && p.EndDate >= credit.PostingDate)
                .Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("PERIOD_MISSING", $"No fiscal month of the tenant contains the credit's posting date {credit.PostingDate:yyyy-MM-dd}.", input.Field("creditId"));
            (dispute.ParticipantId, dispute.PeriodId, dispute.CreditId) = (credit.ParticipantId, period, credit.Id);
        }
        else
        {
            var runId = input.Id("runId", CalculationRunGraphType.TypeName)
                ?? throw new DomainException("REQUIRED", "Name the statement line (runId and lineNo) or the credit (creditId).", input.Field("runId"));
            var lineNo = input.Whole("lineNo") ?? throw new DomainException("REQUIRED", "lineNo is required with runId.", input.Field("lineNo"));
            var participantId = input.Id("participantId", ParticipantGraphType.TypeName) ?? m.Caller.ParticipantId
                ?? throw new DomainException("REQUIRED", "Your sign-in is not linked to a participant; name the participant.", input.Field("participantId"));
            var run = await db.CalculationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.Kind == CalculationRunKind.Regular, ct);
            if (run is null || !await visibility.MayReadAsync(participantId, ct))
            {
                throw new DomainException("NOT_FOUND", "No statement you may read comes from this run.", input.Field("runId"));
            }

            if (!await db.CalculationLines.AnyAsync(l => l.RunId == runId && l.ParticipantId == participantId && l.LineNo == lineNo, ct))
            {
                throw new DomainException("NOT_FOUND", $"The statement has no line {lineNo}.", input.Field("lineNo"));
            }

            (dispute.ParticipantId, dispute.PeriodId, dispute.RunId, dispute.LineNo) = (participantId, run.PeriodId, run.Id, lineNo);
        }

        if (await db.Disputes.AnyAsync(d => d.ParticipantId == dispute.ParticipantId && d.CreditId == dispute.CreditId && d.RunId == dispute.RunId && d.LineNo == dispute.LineNo
            && (d.Status == DisputeStatus.Open || d.Status == DisputeStatus.InReview), ct))
        {
            throw new DomainException("DISPUTE_ALREADY_OPEN", "This line or credit is already disputed and waiting for a decision.", input.Field(dispute.CreditId is null ? "lineNo" : "creditId"));
        }

        db.Disputes.Add(dispute);
        m.Audit.Record(db, "dispute.open", "Dispute", dispute.Id.ToString(), null, new { dispute.ParticipantId, dispute.RunId, dispute.LineNo, dispute.CreditId, dispute.Description });
        await SaveWithEventAsync(m, dispute, null);
        return new DisputePayload(dispute, []);
    }

    private static async Task<DisputePayload> DecideAsync(CompensationMutation m, DisputeStatus target)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var id = input.RequireId("disputeId", DisputeGraphType.TypeName);
        var dispute = await db.Disputes.SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new DomainException("NOT_FOUND", "No dispute has this id.", input.Field("disputeId"));
        var allowed = target == DisputeStatus.InReview ? dispute.Status == DisputeStatus.Open : dispute.Status is DisputeStatus.Open or DisputeStatus.InReview;
        if (!allowed)
        {
            throw new DomainException("DISPUTE_STATUS", $"The dispute is {Screaming(dispute.Status)}; it cannot become {Screaming(target)}.", input.Field("disputeId"));
        }

        var before = new { Status = dispute.Status.ToString() };
        CompAdjustment? adjustment = null;
        if (target is DisputeStatus.Resolved or DisputeStatus.Rejected)
        {
            dispute.Resolution = m.RequireText("resolution", 4000);
            dispute.ClosedAt = m.Now;
        }

        if (input.Has("adjustmentAmount") || input.Has("adjustmentPeriodId"))
        {
            if (target != DisputeStatus.Resolved)
            {
                throw new DomainException("DISPUTE_ADJUSTMENT_UNEXPECTED", "Only a resolution carries an adjustment.", input.Field("adjustmentAmount"));
            }

            adjustment = await AdjustmentAsync(m, dispute);
            db.CompAdjustments.Add(adjustment);
            dispute.AdjustmentId = adjustment.Id;
        }

        if (target == DisputeStatus.InReview)
        {
            dispute.ReviewStartedAt = m.Now;
        }

        dispute.Status = target;
        dispute.UpdatedAt = m.Now;
        m.Audit.Record(db, $"dispute.{target.ToString().ToLowerInvariant()}", "Dispute", dispute.Id.ToString(), before,
            new { Status = target.ToString(), dispute.Resolution, Adjustment = adjustment?.Amount, AdjustmentPeriod = adjustment?.PeriodId });
        await SaveWithEventAsync(m, dispute, adjustment);
        return new DisputePayload(dispute, []);
    }

    private static async Task<CompAdjustment> AdjustmentAsync(CompensationMutation m, Dispute dispute)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var amount = input.RequireNumber("adjustmentAmount");
        if (amount == 0)
        {
            throw new DomainException("INVALID_AMOUNT", "An adjustment of zero pays nothing; leave it out.", input.Field("adjustmentAmount"));
        }

        var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == dispute.ParticipantId, ct);
        if (decimal.Round(amount, CurrencyCode.MinorUnits(participant.PayCurrency)) != amount)
        {
            throw new DomainException("INVALID_AMOUNT", $"{amount} has more decimals than {participant.PayCurrency} has minor units.", input.Field("adjustmentAmount"));
        }

        var disputed = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == dispute.PeriodId, ct);
        var locked = await db.PayoutBatches.AsNoTracking().Where(b => b.Status == PayoutStatus.Locked).Select(b => b.PeriodId).ToListAsync(ct);
        Period period;
        if (input.Id("adjustmentPeriodId", PeriodGraphType.TypeName) is { } pid)
        {
            period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct)
                ?? throw new DomainException("NOT_FOUND", "No period has this id.", input.Field("adjustmentPeriodId"));
            if (locked.Contains(period.Id) || period.Kind != PeriodKind.Month)
            {
                throw new DomainException("PERIOD_LOCKED", $"{period.Name} is locked or not a month; an adjustment is paid in an open month.", input.Field("adjustmentPeriodId"));
            }
        }
        else
        {
            // The disputed month itself if still open, else the first open month after it.
            period = await db.Periods.AsNoTracking()
                .Where(p => p.Kind == PeriodKind.Month && p.StartDate >= disputed.StartDate && !locked.Contains(p.Id))
                .OrderBy(p => p.StartDate).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("PERIOD_MISSING", "No open month from the disputed one on is stored; generate the next fiscal year's periods or name the period.", input.Field("adjustmentPeriodId"));
        }

        return new CompAdjustment
        {
            Id = Guid.CreateVersion7(m.Now),
            TenantId = dispute.TenantId,
            ParticipantId = dispute.ParticipantId,
            PeriodId = period.Id,
            OriginPeriodId = period.Id == disputed.Id ? null : disputed.Id,
            Amount = amount,
            Currency = participant.PayCurrency,
            Reason = $"Dispute resolution: {dispute.Resolution}",
            DisputeId = dispute.Id,
            CreatedAt = m.Now,
            CreatedBy = m.Caller.Subject,
        };
    }

    /// <summary>Saves the change and its outbox event in one transaction; the NOTIFY is delivered at commit.</summary>
    private static async Task SaveWithEventAsync(CompensationMutation m, Dispute dispute, CompAdjustment? adjustment)
    {
        var db = m.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(m.Cancellation);
        await db.SaveChangesAsync(m.Cancellation);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        IOutboxEvent changed = new DisputeChanged(Guid.CreateVersion7(m.Now), dispute.TenantId, m.Now, dispute.Id, dispute.ParticipantId, dispute.Status.ToString(), dispute.Resolution, adjustment?.Amount, adjustment?.Currency);
        await OutboxWriter.WriteAsync(connection, npgsqlTransaction, dispute.TenantId, [changed], m.Cancellation);
        await OutboxWriter.NotifyAsync(connection, npgsqlTransaction, dispute.TenantId, m.Cancellation);
        await transaction.CommitAsync(m.Cancellation);
    }

    private static string Screaming(DisputeStatus status) => status == DisputeStatus.InReview ? "IN_REVIEW" : status.ToString().ToUpperInvariant();
}
