namespace Spm.Domain.Organisation;

/// <summary>
/// One period of a fiscal calendar. <see cref="End"/> is inclusive. <see cref="Number"/> is the
/// position inside the fiscal year (quarter 1-4, month 1-12; 1 for the year itself).
/// </summary>
public sealed record PeriodDefinition(PeriodKind Kind, int FiscalYear, int Number, DateOnly Start, DateOnly End)
{
    /// <summary>Stable display name: FY2027, FY2027-Q1, FY2027-M01.</summary>
    public string Name => Kind switch
    {
        PeriodKind.FiscalYear => $"FY{FiscalYear}",
        PeriodKind.Quarter => $"FY{FiscalYear}-Q{Number}",
        _ => $"FY{FiscalYear}-M{Number:00}",
    };

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
