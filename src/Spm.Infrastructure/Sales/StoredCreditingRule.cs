using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// A crediting rule as stored: kind, order and dates as columns, the kind-specific settings (products,
/// segments, overlay percentage and roles) as JSON, so a new setting needs no migration.
/// </summary>
public sealed class StoredCreditingRule : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary><see cref="Domain.Crediting.CreditRuleKind"/> by name.</summary>
    public string Kind { get; set; } = string.Empty;

    public int Order { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    /// <summary>JSON of <see cref="CreditingRuleConfig"/>.</summary>
    public string Config { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }
}
