namespace Spm.Domain.Planning;

/// <summary>The result of a capacity model run: month by month, and the hiring plan that closes the gaps it can.</summary>
public sealed record CapacityPlan(IReadOnlyList<CapacityPeriod> Periods, IReadOnlyList<HiringCohort> Cohorts, int TotalHires);
