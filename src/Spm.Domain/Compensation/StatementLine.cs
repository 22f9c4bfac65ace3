namespace Spm.Domain.Compensation;

/// <summary>
/// One line of a statement: what was paid (<see cref="Amount"/>), on what (<see cref="Basis"/> and
/// <see cref="Sources"/>), at what rate and tier, under which plan rule.
/// </summary>
/// <remarks>
/// <see cref="Amount"/> is rounded to the minor unit of <see cref="Currency"/>, half away from zero, from the exact
/// product of basis and rate; statement totals are sums of these rounded amounts, never rounded again, so a rep
/// adding the lines gets the total to the cent. For commission the basis is an amount and the rate a fraction;
/// for a per-unit SPIFF the basis is units and the rate the amount per unit; for a per-deal SPIFF the basis is
/// deals. Cap, draw and adjustment lines carry no rate.
/// </remarks>
public sealed record StatementLine
{
    public required LineKind Kind { get; init; }

    public required Guid PlanId { get; init; }

    public required int PlanVersion { get; init; }

    /// <summary>The plan component (rule) behind the line; empty for plan-level caps.</summary>
    public required string ComponentId { get; init; }

    public required string ComponentName { get; init; }

    /// <summary>Human-readable rule, e.g. "tier 2: from 100% attainment at 8%".</summary>
    public required string Rule { get; init; }

    /// <summary>1-based tier of the rate table (commission) or threshold (bonus); null otherwise.</summary>
    public int? Tier { get; init; }

    public decimal Basis { get; init; }

    public decimal? Rate { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>The credits (and their sales) behind the line, in canonical order.</summary>
    public IReadOnlyList<LineSource> Sources { get; init; } = [];

    /// <summary>For a prior-period adjustment or clawback, the period whose earnings it corrects.</summary>
    public CompPeriod? AdjustsPeriod { get; init; }

    /// <summary>For an award line, the award it pays.</summary>
    public Guid? AwardId { get; init; }
}
