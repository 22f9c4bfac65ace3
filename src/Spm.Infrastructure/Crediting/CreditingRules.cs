using System.Text.Json;
using Spm.Domain.Common;
using Spm.Domain.Crediting;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Crediting;

/// <summary>Converts crediting rules between the stored shape (columns + JSON settings) and the domain record.</summary>
public static class CreditingRules
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CreditRule ToDomain(StoredCreditingRule row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var config = JsonSerializer.Deserialize<CreditingRuleConfig>(row.Config, Json) ?? new CreditingRuleConfig(null, null, 100m, null);
        var kind = Enum.TryParse<CreditRuleKind>(row.Kind, out var parsed)
            ? parsed
            : throw new DomainException("CREDIT_RULE_KIND_INVALID", $"Stored rule {row.Id} has the unknown kind '{row.Kind}'.", "kind");
        return new CreditRule(row.Id, row.TenantId, row.Name, kind, row.Order, row.EffectiveFrom, row.EffectiveTo, config.Products, config.Segments, config.OverlayPercent == 0 ? 100m : config.OverlayPercent, config.OverlayRoles);
    }

    public static StoredCreditingRule ToStored(CreditRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new StoredCreditingRule
        {
            Id = rule.Id,
            TenantId = rule.TenantId,
            Name = rule.Name,
            Kind = rule.Kind.ToString(),
            Order = rule.Order,
            EffectiveFrom = rule.EffectiveFrom,
            EffectiveTo = rule.EffectiveTo,
            Config = JsonSerializer.Serialize(new CreditingRuleConfig(rule.Products, rule.Segments, rule.OverlayPercent, rule.OverlayRoles), Json),
            UpdatedAt = now,
        };
    }
}
