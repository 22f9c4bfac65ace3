using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// One statement line of a run (the engine's <c>StatementLine</c>): a component's amount with the basis,
/// tier, rate and plan rule behind it, and the credits (with their sales and the part of the basis each
/// contributed) it was computed from, so a rep can check it to the cent. The three source arrays are
/// parallel: source i is (credit_ids[i], sale_ids[i], source_basis[i]).
/// </summary>
public sealed class CalculationLine : ITenantOwned
{
    public Guid RunId { get; set; }

    public Guid ParticipantId { get; set; }

    /// <summary>Order within the statement, from 1.</summary>
    public int LineNo { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The engine's line kind by name (Commission, Bonus, Spiff, Clawback, PriorPeriodAdjustment...).</summary>
    public string Kind { get; set; } = string.Empty;

    public Guid PlanId { get; set; }

    public int PlanVersion { get; set; }

    public string ComponentId { get; set; } = string.Empty;

    public string ComponentName { get; set; } = string.Empty;

    /// <summary>Human-readable rule, e.g. "tier 2: from 100% attainment at 8%".</summary>
    public string Rule { get; set; } = string.Empty;

    public int? Tier { get; set; }

    public decimal Basis { get; set; }

    public decimal? Rate { get; set; }

    /// <summary>Rounded to the currency's minor unit, half away from zero.</summary>
    public decimal Amount { get; set; }

    public string Currency { get; set; } = string.Empty;

    /// <summary>For a prior-period adjustment or clawback: the first day of the period it corrects.</summary>
    public DateOnly? AdjustsFrom { get; set; }

    public DateOnly? AdjustsTo { get; set; }

    public Guid? AwardId { get; set; }

    public Guid[] CreditIds { get; set; } = [];

    public Guid[] SaleIds { get; set; } = [];

    public decimal[] SourceBasis { get; set; } = [];
}
