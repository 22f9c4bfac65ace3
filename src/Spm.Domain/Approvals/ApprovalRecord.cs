using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Approvals;

/// <summary>
/// A stored approval request for any subject (quotas today; comp plans, forecasts, payouts later):
/// the state of the generic <see cref="ApprovalRequest"/> workflow with its steps and full history.
/// Load it, run a transition on <see cref="ToRequest"/>, then <see cref="Apply"/> the result.
/// </summary>
public sealed class ApprovalRecord : ITenantOwned
{
    private readonly List<ApprovalStepRecord> steps = [];
    private readonly List<ApprovalEventRecord> events = [];

    public ApprovalRecord(Guid id, Guid tenantId, ApprovalRequest request, string title, string actorName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        Id = id;
        TenantId = tenantId;
        SubjectKind = request.Subject.Kind;
        SubjectId = request.Subject.Id;
        Title = Guard.NotBlank(title, nameof(title), 300);
        RequestedBy = request.RequestedBy;
        CreatedAt = at;
        for (var i = 0; i < request.ApproverChain.Count; i++)
        {
            steps.Add(new ApprovalStepRecord(i, request.ApproverChain[i]));
        }

        Apply(request, actorName, at);
    }

    private ApprovalRecord()
    {
        SubjectKind = string.Empty;
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>What is being approved, e.g. "quota"; later "compPlan", "forecast", "payout".</summary>
    public string SubjectKind { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>A human label, e.g. "FY2027 revenue quotas of EMEA".</summary>
    public string Title { get; private set; }

    /// <summary>The requesting participant (empty for a caller who is not one).</summary>
    public Guid RequestedBy { get; private set; }

    public ApprovalState State { get; private set; }

    public int CurrentStep { get; private set; }

    public string? RejectionComment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ApprovalStepRecord> Steps => steps;

    public IReadOnlyList<ApprovalEventRecord> Events => events;

    /// <summary>Who must act next, or null.</summary>
    public Guid? CurrentApprover => State == ApprovalState.Submitted ? steps.Single(s => s.Step == CurrentStep).ApproverId : null;

    /// <summary>The workflow at its stored state.</summary>
    public ApprovalRequest ToRequest() => ApprovalRequest.Restore(
        new ApprovalSubject(SubjectKind, SubjectId),
        RequestedBy,
        [.. steps.OrderBy(s => s.Step).Select(s => s.ApproverId)],
        State,
        CurrentStep,
        RejectionComment,
        [.. events.OrderBy(e => e.Sequence).Select(e => e.ToEvent())]);

    /// <summary>Stores the state <paramref name="next"/> reached, appending the history it gained.</summary>
    public void Apply(ApprovalRequest next, string actorName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Subject.Kind != SubjectKind || next.Subject.Id != SubjectId || next.History.Count < events.Count)
        {
            throw new InvalidOperationException("The request applied is not a continuation of this record.");
        }

        for (var i = events.Count; i < next.History.Count; i++)
        {
            var evt = next.History[i];
            events.Add(new ApprovalEventRecord(i, evt.Action, evt.ActorId, actorName, evt.At, evt.Step, evt.AdminOverride, evt.Comment));
            switch (evt.Action)
            {
                case ApprovalAction.Submitted:
                    // A new round: decisions of an earlier round are history, not the current state.
                    steps.ForEach(s => s.Reset());
                    break;
                case ApprovalAction.Approved or ApprovalAction.Rejected when evt.Step is { } step:
                    steps.Single(s => s.Step == step).Decide(evt);
                    break;
                default:
                    break;
            }
        }

        State = next.State;
        CurrentStep = next.CurrentStep;
        RejectionComment = next.RejectionComment;
        UpdatedAt = at;
    }
}
