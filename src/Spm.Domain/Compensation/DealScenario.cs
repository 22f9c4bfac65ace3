using Spm.Domain.Crediting;

namespace Spm.Domain.Compensation;

/// <summary>A hypothetical deal for the estimator: "what would this deal pay me?".</summary>
public sealed record DealScenario
{
    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public string? Product { get; init; }

    public string? Segment { get; init; }

    public required DateOnly CloseDate { get; init; }

    public decimal Quantity { get; init; } = 1m;

    public CreditType Type { get; init; } = CreditType.Direct;
}
