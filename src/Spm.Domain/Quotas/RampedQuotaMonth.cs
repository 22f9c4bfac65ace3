namespace Spm.Domain.Quotas;

/// <summary>One month of a new hire's ramped quota. Tenure month 1 is the month of the hire date; 0 means not yet hired.</summary>
public sealed record RampedQuotaMonth(DateOnly Month, int TenureMonth, decimal Percentage, decimal Quota);
