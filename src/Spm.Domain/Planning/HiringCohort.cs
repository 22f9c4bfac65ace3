namespace Spm.Domain.Planning;

/// <summary>New hires starting together.</summary>
/// <param name="StartMonth">Month of the hires' first day.</param>
/// <param name="Hires">How many.</param>
/// <param name="LatestRequisitionMonth">The latest month to start hiring (open requisitions) given the lead time.</param>
/// <param name="FullyRampedMonth">The first month at 100 % productivity.</param>
/// <param name="NeededForMonth">The month whose shortfall made this cohort necessary.</param>
public sealed record HiringCohort(DateOnly StartMonth, int Hires, DateOnly LatestRequisitionMonth, DateOnly FullyRampedMonth, DateOnly NeededForMonth);
