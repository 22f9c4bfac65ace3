using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>What one participant is paid by a payout batch: a copy of the run's total, so the export never moves.</summary>
public sealed class PayoutLine : ITenantOwned
{
    public Guid BatchId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid TenantId { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; } = string.Empty;
}
