namespace Spm.Domain.Crediting;

/// <summary>A rule's filters as plain arrays, so matching a sale is a few ordinal comparisons.</summary>
internal sealed class CompiledRule
{
    private readonly string[] products;
    private readonly string[] segments;
    private readonly string[] overlayRoles;

    private CompiledRule(CreditRule rule)
    {
        Id = rule.Id;
        Kind = rule.Kind;
        OverlayFraction = rule.OverlayPercent / 100m;
        products = [.. rule.Products];
        segments = [.. rule.Segments];
        overlayRoles = [.. rule.OverlayRoles];
    }

    public Guid Id { get; }

    public CreditRuleKind Kind { get; }

    public decimal OverlayFraction { get; }

    public static CompiledRule From(CreditRule rule) => new(rule);

    public bool Matches(string? product, string? segment) =>
        (products.Length == 0 || Contains(products, product)) && (segments.Length == 0 || Contains(segments, segment));

    public bool CoversRole(string role) => overlayRoles.Length == 0 || Contains(overlayRoles, role);

    private static bool Contains(string[] values, string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
