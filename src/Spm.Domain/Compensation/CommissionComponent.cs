using Spm.Domain.Crediting;

namespace Spm.Domain.Compensation;

/// <summary>
/// Commission on credited amount, by attainment tier. Attainment is the component's counted credits (those of
/// <see cref="CreditTypes"/>) over the participant's quota for the period, prorated when the plan covers only
/// part of the period.
/// </summary>
/// <remarks>
/// <para>Marginal: credits are taken in a canonical order (posting date, close date, credit id), never in the
/// order they arrived, so the same credits always fill the same tiers. Each slice is paid at its own table's
/// rate for the tier it falls in.</para>
/// <para>Gate: below <see cref="Gate"/> attainment at the end of the period the component pays nothing; at or above
/// it pays on everything (the gate is a condition, not a deductible).</para>
/// <para><see cref="Cap"/>: the most the component pays in a period, in plan currency, prorated by days.</para>
/// <para>A manager plan is a commission component over <see cref="CreditType.Rollup"/> credits.</para>
/// </remarks>
public sealed record CommissionComponent : PlanComponent
{
    /// <summary>Counted when empty: direct, split, territory and overlay credits (everything but roll-up).</summary>
    public static IReadOnlyList<CreditType> DefaultCreditTypes { get; } = [CreditType.Direct, CreditType.Split, CreditType.Territory, CreditType.Overlay];

    public CommissionMethod Method { get; init; } = CommissionMethod.Marginal;

    /// <summary>Credit types this component pays on; empty means <see cref="DefaultCreditTypes"/>.</summary>
    public IReadOnlyList<CreditType> CreditTypes { get; init; } = [];

    public required IReadOnlyList<RateTable> RateTables { get; init; }

    /// <summary>Minimum attainment (fraction of quota) for any commission; none when null.</summary>
    public decimal? Gate { get; init; }

    /// <summary>Most the component pays per period in plan currency; none when null.</summary>
    public decimal? Cap { get; init; }
}
