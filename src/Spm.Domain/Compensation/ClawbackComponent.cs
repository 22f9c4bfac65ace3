namespace Spm.Domain.Compensation;

/// <summary>
/// A sale cancelled within <see cref="WindowDays"/> days of its close date takes back what its credits earned
/// under the components named in <see cref="AppliesTo"/> (every commission and SPIFF component when empty).
/// </summary>
/// <remarks>
/// A credit cancelled in the window counts for nothing in the period it is calculated in. When it was already
/// paid in an earlier period, the period containing the cancellation date gets a clawback line of minus what it
/// earned there: the rate of each locked line that counted it times its basis, rounded once. A cancellation after
/// the window leaves earnings alone.
/// </remarks>
public sealed record ClawbackComponent : PlanComponent
{
    public required int WindowDays { get; init; }

    public IReadOnlyList<string> AppliesTo { get; init; } = [];
}
