using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Domain.Approvals;
using Spm.Domain.Common;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Approvals;

/// <summary>
/// The generic approval workflow over storage, for any subject kind: who may act (admins anywhere,
/// managers in their subtree only), the approver chain (the manager chain above the subject's owner)
/// and the transitions of <see cref="ApprovalRequest"/>. Feature mutations (quotas today) call it and
/// apply the outcome to their own rows in the same SaveChanges.
/// </summary>
public sealed class ApprovalWorkflow(Caller caller, TimeProvider clock)
{
    public bool IsAdmin => caller.Role == SpmRoles.Admin;

    /// <summary>The acting participant; empty for a caller who is not one (an admin client).</summary>
    public Guid ActorId => caller.ParticipantId ?? Guid.Empty;

    public static async Task<OrgChart> LoadChartAsync(SpmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var teams = await db.Teams.AsNoTracking().Select(t => new OrgTeam(t.Id, t.ParentTeamId, t.ManagerId)).ToListAsync(cancellationToken);
        var people = await db.Participants.AsNoTracking().Select(p => new OrgPerson(p.Id, p.ManagerId, p.TeamId)).ToListAsync(cancellationToken);
        return new OrgChart(teams, people);
    }

    /// <summary>Admins act anywhere; anyone else must be a participant who manages the owner.</summary>
    public void EnsureMayActOn(OrgChart chart, ApprovalOwner owner, string field)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(owner);
        if (IsAdmin)
        {
            return;
        }

        if (caller.ParticipantId is not { } me)
        {
            throw new DomainException("APPROVAL_NOT_ALLOWED", "Your sign-in is not linked to a participant, so there is no subtree you manage.", field);
        }

        var inSubtree = owner.TeamId is { } team ? chart.ManagesTeam(me, team) : owner.ParticipantId is { } person && chart.ManagesParticipant(me, person);
        if (!inSubtree)
        {
            throw new DomainException("APPROVAL_NOT_ALLOWED", "This is outside the part of the organisation you manage; a manager may act only in their own subtree.", field);
        }
    }

    /// <summary>Creates and submits a request whose chain climbs the managers above the owner.</summary>
    public ApprovalRecord Submit(OrgChart chart, ApprovalSubject subject, ApprovalOwner owner, string title, string field)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(owner);
        EnsureMayActOn(chart, owner, field);
        var chain = owner.TeamId is { } team ? chart.ApproversForTeam(team) : chart.ApproversForParticipant(owner.ParticipantId ?? Guid.Empty);
        var now = clock.GetUtcNow();
        try
        {
            var request = ApprovalRequest.Create(subject, ActorId, chain).Submit(ActorId, now, IsAdmin);
            return new ApprovalRecord(Guid.CreateVersion7(now), caller.RequireTenant(), request, title, caller.Subject, now);
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            throw new DomainException(ex.Code, ex.Message, field);
        }
    }

    /// <summary>Approves or rejects the current step, after the subtree check.</summary>
    public void Decide(ApprovalRecord record, OrgChart chart, ApprovalOwner owner, bool approve, string? comment, string field)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureMayActOn(chart, owner, field);
        var now = clock.GetUtcNow();
        try
        {
            var request = record.ToRequest();
            var next = approve
                ? request.Approve(ActorId, now, IsAdmin, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim())
                : request.Reject(ActorId, now, comment?.Trim() ?? string.Empty, IsAdmin);
            record.Apply(next, caller.Subject, now);
        }
        catch (DomainException ex) when (ex.Code == "APPROVAL_COMMENT_REQUIRED")
        {
            throw new DomainException(ex.Code, ex.Message, "input.comment");
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            throw new DomainException(ex.Code, ex.Message, field);
        }
    }
}
