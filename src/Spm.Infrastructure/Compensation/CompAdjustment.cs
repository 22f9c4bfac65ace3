using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Money added to (or taken from) a participant's earnings in a period outside the plan: a resolved dispute, a
/// correction of a locked period, or a contest's cash prize. Appended, never edited; the next calculation run of the period shows it
/// as a statement line of its own.
/// </summary>
public sealed class CompAdjustment : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    /// <summary>The period whose statement pays it.</summary>
    public Guid PeriodId { get; set; }

    /// <summary>The period it corrects, when that is an earlier one.</summary>
    public Guid? OriginPeriodId { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public Guid? DisputeId { get; set; }

    /// <summary>The contest whose prize this is (written when the contest ends, in the same transaction).</summary>
    public Guid? ContestId { get; set; }

    /// <summary>The prize position won (with <see cref="ContestId"/> and the participant, unique: a prize is paid once).</summary>
    public int? ContestPlace { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;
}
