namespace Spm.Domain.Planning;

/// <summary>A yearly amount split into 4 quarters and 12 months; months of a quarter sum to the quarter, quarters to the year.</summary>
public sealed record SeasonalSplit(decimal Year, IReadOnlyList<decimal> Quarters, IReadOnlyList<decimal> Months);
