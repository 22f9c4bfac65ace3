using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// One calculation of a period for all participants or some. The row is the run's progress while it
/// runs and its header afterwards; its results (<see cref="CalculationResult"/>, <see cref="CalculationLine"/>)
/// are written once, in the transaction that completes it, and never updated.
/// </summary>
public sealed class CalculationRun : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid PeriodId { get; set; }

    public CalculationRunKind Kind { get; set; }

    /// <summary>The participants asked for; null for everyone on a plan in the period.</summary>
    public List<Guid>? Scope { get; set; }

    /// <summary>For a what-if: the draft version used in place of its plan's published one.</summary>
    public Guid? WhatIfVersionId { get; set; }

    public CalculationRunStatus Status { get; set; }

    public int ParticipantsTotal { get; set; }

    public int ParticipantsDone { get; set; }

    public long CreditsRead { get; set; }

    public string? Error { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
