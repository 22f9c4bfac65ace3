using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// The close of one period: the run whose results are paid, the approval request (manager, then finance)
/// and the lock. Its lines are the payroll export.
/// </summary>
public sealed class PayoutBatch : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid PeriodId { get; set; }

    public Guid RunId { get; set; }

    public PayoutStatus Status { get; set; }

    public Guid? ApprovalRequestId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? LockedAt { get; set; }
}
