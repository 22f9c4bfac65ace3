using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Crediting;

/// <summary>
/// One crediting rule of a tenant, effective from <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/>
/// (both inclusive; open-ended when null), optionally limited to products and segments.
/// </summary>
/// <remarks>
/// Rules are ordered by <see cref="Order"/> (then id). For each kind, the first rule in that order that
/// matches a sale fires and later rules of that kind are skipped, so a specific rule placed before a general one
/// overrides it. Overlay rules are the exception, per specialist: each overlay assignment is credited by the
/// first overlay rule matching the sale and its role, so one rule can pay engineers 100 % and another
/// specialists 50 %. Roll-up rules run after all others because they roll up what those produced.
/// </remarks>
public sealed record CreditRule : ITenantOwned
{
    public CreditRule(
        Guid id,
        Guid tenantId,
        string name,
        CreditRuleKind kind,
        int order,
        DateOnly effectiveFrom,
        DateOnly? effectiveTo = null,
        IReadOnlyList<string>? products = null,
        IReadOnlyList<string>? segments = null,
        decimal overlayPercent = 100m,
        IReadOnlyList<string>? overlayRoles = null)
    {
        Id = id;
        TenantId = tenantId;
        Name = Guard.NotBlank(name, "name", 200);
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("CREDIT_RULE_KIND_INVALID", $"{kind} is not a crediting rule kind.", "kind");
        Order = order;
        EffectiveFrom = effectiveFrom;
        if (effectiveTo < effectiveFrom)
        {
            throw new DomainException("CREDIT_RULE_DATES_INVALID", $"Rule '{Name}' ends on {effectiveTo:yyyy-MM-dd}, before it starts on {effectiveFrom:yyyy-MM-dd}.", "effectiveTo");
        }

        EffectiveTo = effectiveTo;
        Products = Values(products, "products");
        Segments = Values(segments, "segments");
        OverlayRoles = Values(overlayRoles, "overlayRoles");
        OverlayPercent = overlayPercent is > 0 and <= 100
            ? overlayPercent
            : throw new DomainException("CREDIT_RULE_PERCENT_INVALID", $"The overlay percentage {overlayPercent} must be above 0 and at most 100.", "overlayPercent");
    }

    public Guid Id { get; }

    public Guid TenantId { get; }

    public string Name { get; }

    public CreditRuleKind Kind { get; }

    public int Order { get; }

    public DateOnly EffectiveFrom { get; }

    /// <summary>Last day the rule applies, inclusive; null while it is current.</summary>
    public DateOnly? EffectiveTo { get; }

    /// <summary>Products the rule is limited to (exact, case-sensitive); empty for every product.</summary>
    public IReadOnlyList<string> Products { get; }

    /// <summary>Segments the rule is limited to; empty for every segment.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Overlay rules: the percentage of the sale each matching specialist is credited.</summary>
    public decimal OverlayPercent { get; }

    /// <summary>Overlay rules: the roles credited; empty for every role.</summary>
    public IReadOnlyList<string> OverlayRoles { get; }

    public bool IsEffectiveOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);

    private static string[] Values(IReadOnlyList<string>? values, string field)
    {
        if (values is null || values.Count == 0)
        {
            return [];
        }

        var result = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            result[i] = Guard.NotBlank(values[i], $"{field}[{i}]", 100);
        }

        return result;
    }
}
