namespace Spm.Domain.Organisation;

/// <summary>The granularity of a fiscal period.</summary>
public enum PeriodKind
{
    FiscalYear = 0,
    Quarter = 1,
    Month = 2,
}
