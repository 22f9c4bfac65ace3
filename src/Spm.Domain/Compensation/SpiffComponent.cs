using Spm.Domain.Crediting;

namespace Spm.Domain.Compensation;

/// <summary>
/// A short, targeted incentive: deals of <see cref="Products"/> (any product when empty) closed between
/// <see cref="From"/> and <see cref="To"/> (both inclusive, on the close date) pay <see cref="Amount"/> per unit or
/// per deal. Contest prizes are paid as SPIFFs too, through <see cref="SpiffAward"/>.
/// </summary>
public sealed record SpiffComponent : PlanComponent
{
    /// <summary>Counted when empty: direct and split credits (the sellers of the deal).</summary>
    public static IReadOnlyList<CreditType> DefaultCreditTypes { get; } = [CreditType.Direct, CreditType.Split];

    public IReadOnlyList<string> Products { get; init; } = [];

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public SpiffBasis Basis { get; init; } = SpiffBasis.PerDeal;

    /// <summary>Plan currency per unit or per deal.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Credit types that qualify; empty means <see cref="DefaultCreditTypes"/>.</summary>
    public IReadOnlyList<CreditType> CreditTypes { get; init; } = [];
}
