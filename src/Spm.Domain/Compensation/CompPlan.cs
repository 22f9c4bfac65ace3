namespace Spm.Domain.Compensation;

/// <summary>
/// One version of an incentive compensation plan: data, not code (see <see cref="CompPlanJson"/> for its stored
/// form). A plan keeps its <see cref="PlanId"/> across versions; each version is effective from
/// <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/> (both inclusive, open-ended when null).
/// </summary>
/// <remarks>
/// <para>Fixed amounts in the plan (bonus amounts, SPIFF amounts, draws, caps) are in <see cref="Currency"/>. A
/// participant paid in another currency gets them converted at the period's last day, rounded once.</para>
/// <para>Caps: a commission component's own cap bounds that component in a period; <see cref="PeriodCap"/> bounds
/// the sum of all earning components in a period; <see cref="TotalCap"/> bounds a participant's earnings under
/// this plan over the fiscal year (earlier periods are read from the locked prior-period results). Draws and
/// their recovery are not earnings and are never capped.</para>
/// </remarks>
public sealed record CompPlan
{
    public const int MaxComponents = 100;

    public required Guid PlanId { get; init; }

    /// <summary>1, 2, 3...: a new version never edits an old one, so a locked statement keeps its rules.</summary>
    public required int Version { get; init; }

    public required string Name { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    /// <summary>ISO 4217 code of the plan's fixed amounts.</summary>
    public required string Currency { get; init; }

    public IReadOnlyList<PlanComponent> Components { get; init; } = [];

    /// <summary>Most a participant earns in one period from all earning components together; none when null.</summary>
    public decimal? PeriodCap { get; init; }

    /// <summary>Most a participant earns under the plan in one fiscal year; none when null.</summary>
    public decimal? TotalCap { get; init; }

    /// <summary>True when this version is in force on <paramref name="date"/>.</summary>
    public bool IsEffectiveOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);

    /// <summary>Checks every rule; throws <c>DomainException</c> naming the JSON path of the first bad field.</summary>
    public void Validate() => CompPlanValidator.Validate(this);
}
