namespace Spm.Domain.Compensation;

/// <summary>The window a bonus measures attainment over. Stored by name; never renumber.</summary>
public enum BonusFrequency
{
    /// <summary>The fiscal month ending in the period.</summary>
    Month = 1,

    /// <summary>The fiscal quarter; paid in the period that contains the quarter's last day.</summary>
    Quarter = 2,

    /// <summary>The fiscal year; paid in the period that contains the year's last day.</summary>
    Year = 3,
}
