namespace Spm.Domain.Compensation;

/// <summary>Days of the period paid under one plan version through one assignment.</summary>
internal readonly record struct PlanSegment(PlanAssignment Assignment, CompPlan Plan, DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= From && date <= To;
}
