namespace Spm.Domain.Compensation;

/// <summary>
/// One row of a rate table: from attainment <see cref="From"/> (a fraction of quota: 1.0 is 100 %) up to the next
/// row's <see cref="From"/>, the <see cref="Rate"/> (a fraction: 0.05 is 5 %). An accelerator is a row with a higher
/// rate than the one before it; a decelerator one with a lower rate.
/// </summary>
public sealed record RateTier(decimal From, decimal Rate);
