using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// A rep's question about a statement line or a credit, and what sales operations decided. Every
/// transition is timestamped here and audited; the rep is told live through a <c>dispute.changed</c> event.
/// </summary>
public sealed class Dispute : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The rep whose earnings are questioned.</summary>
    public Guid ParticipantId { get; set; }

    public Guid PeriodId { get; set; }

    /// <summary>Set for a dispute on a statement line (with <see cref="LineNo"/>).</summary>
    public Guid? RunId { get; set; }

    public int? LineNo { get; set; }

    /// <summary>Set for a dispute on a credit.</summary>
    public Guid? CreditId { get; set; }

    public string Description { get; set; } = string.Empty;

    public DisputeStatus Status { get; set; }

    public string? Resolution { get; set; }

    public Guid? AdjustmentId { get; set; }

    public string OpenedBy { get; set; } = string.Empty;

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ReviewStartedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
