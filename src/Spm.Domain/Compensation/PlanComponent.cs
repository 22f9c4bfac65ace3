namespace Spm.Domain.Compensation;

/// <summary>
/// One rule of a plan. <see cref="Id"/> is stable across versions of the plan, so a statement line, a dispute and
/// a clawback can name the rule that produced an amount.
/// </summary>
public abstract record PlanComponent
{
    public const int MaxIdLength = 64;

    public required string Id { get; init; }

    public required string Name { get; init; }
}
