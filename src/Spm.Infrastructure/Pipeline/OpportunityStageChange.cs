using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Pipeline;

/// <summary>One move of an opportunity between stages (the first row has no previous stage).</summary>
public sealed class OpportunityStageChange : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid OpportunityId { get; set; }

    public string? FromStage { get; set; }

    public string ToStage { get; set; } = string.Empty;

    public DateTimeOffset ChangedAt { get; set; }
}
