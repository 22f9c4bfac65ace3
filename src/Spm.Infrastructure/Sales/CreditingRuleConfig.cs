namespace Spm.Infrastructure.Sales;

/// <summary>The JSON settings of a stored crediting rule.</summary>
public sealed record CreditingRuleConfig(
    IReadOnlyList<string>? Products,
    IReadOnlyList<string>? Segments,
    decimal OverlayPercent,
    IReadOnlyList<string>? OverlayRoles);
