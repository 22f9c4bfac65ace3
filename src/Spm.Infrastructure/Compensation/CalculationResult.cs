using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// One participant's statement totals in one run, as the engine returned them: totals are sums of the
/// rounded lines, in the participant's pay currency.
/// </summary>
public sealed class CalculationResult : ITenantOwned
{
    public Guid RunId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid TenantId { get; set; }

    public string Currency { get; set; } = string.Empty;

    /// <summary>Counted credits of the period, in pay currency.</summary>
    public decimal Credited { get; set; }

    public decimal? Quota { get; set; }

    /// <summary>Credited / quota as a fraction (1.0 = 100 %).</summary>
    public decimal? Attainment { get; set; }

    /// <summary>Every line but draws and their recovery.</summary>
    public decimal Earnings { get; set; }

    public decimal DrawPaid { get; set; }

    public decimal DrawRecovered { get; set; }

    /// <summary>Every line: what payroll pays.</summary>
    public decimal Payout { get; set; }

    public decimal DrawBalanceBefore { get; set; }

    public decimal DrawBalanceCarried { get; set; }

    public int LineCount { get; set; }
}
