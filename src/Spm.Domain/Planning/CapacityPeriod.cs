namespace Spm.Domain.Planning;

/// <summary>Capacity against target in one month of the plan. FTE = fully ramped equivalent seller.</summary>
/// <param name="Index">0-based month of the plan.</param>
/// <param name="Month">First day of the month.</param>
/// <param name="Target">This month's share of the annual target, to the cent.</param>
/// <param name="RosterHeadcount">Expected heads of the current roster on board, after expected attrition.</param>
/// <param name="RosterRampedFte">Ramped FTE of the current roster, after expected attrition.</param>
/// <param name="RosterCapacity">Revenue the current roster is expected to bring in (FTE x productivity).</param>
/// <param name="RequiredFte">Ramped FTE needed to make the target, rounded up.</param>
/// <param name="FteGap">RequiredFte - RosterRampedFte; negative means spare capacity.</param>
/// <param name="CapacityGap">Target - RosterCapacity; negative means spare capacity.</param>
/// <param name="HiresStarting">Planned new hires whose first day is in this month.</param>
/// <param name="PlannedHireFte">Ramped FTE contributed this month by all planned hires.</param>
/// <param name="UncoveredFte">FTE still missing after planned hires: hires cannot arrive (lead time) or ramp in time.</param>
public sealed record CapacityPeriod(
    int Index,
    DateOnly Month,
    decimal Target,
    decimal RosterHeadcount,
    decimal RosterRampedFte,
    decimal RosterCapacity,
    int RequiredFte,
    decimal FteGap,
    decimal CapacityGap,
    int HiresStarting,
    decimal PlannedHireFte,
    decimal UncoveredFte);
