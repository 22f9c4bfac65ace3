using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Pipeline;

/// <summary>
/// An open or closed deal from the CRM, upserted by (tenant, source, external id). Every stage change also
/// writes an <see cref="OpportunityStageChange"/>, the input of funnel and cycle-length measures.
/// </summary>
public sealed class Opportunity : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Source { get; set; } = string.Empty;

    public string ExternalId { get; set; } = string.Empty;

    public string? Name { get; set; }

    public Guid? AccountId { get; set; }

    public Guid OwnerParticipantId { get; set; }

    public string Stage { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public string Currency { get; set; } = string.Empty;

    /// <summary>Win probability in percent, 0 to 100.</summary>
    public decimal Probability { get; set; }

    public DateOnly? ExpectedCloseDate { get; set; }

    /// <summary>When the opportunity was created in the CRM.</summary>
    public DateOnly CreatedOn { get; set; }

    public DateOnly? WonOn { get; set; }

    public DateOnly? LostOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
