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

    /// <summary>
    /// The node computing the run (while RUNNING). With <see cref="LeaseExpiresAt"/> it is the run's lease: the
    /// holder renews it while it computes, and a RUNNING run whose lease ran out belongs to a dead node, so any
    /// node's worker may take it over (<see cref="CalculationRunLeases"/>).
    /// </summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease runs out, by the database's clock (every node compares against the same clock).</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>How many times a worker claimed the run; a run claimed this often without finishing ends FAILED.</summary>
    public int Attempts { get; set; }
}
