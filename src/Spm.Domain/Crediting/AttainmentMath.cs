namespace Spm.Domain.Crediting;

/// <summary>Attainment as a percentage of quota, the one rounding every reader and event uses.</summary>
public static class AttainmentMath
{
    /// <summary>
    /// credited / quota x 100, rounded half away from zero to two decimals (600 of 1,000 is 60.00). Null without
    /// a quota or with a zero quota: attainment of nothing is undefined, not 0 % and not infinite.
    /// </summary>
    public static decimal? Percent(decimal credited, decimal? quota) =>
        // Adding 0.00m fixes the scale at two decimals, so 50 % reads "50.00" everywhere, like money.
        quota is { } q && q != 0 ? Math.Round(credited * 100m / q, 2, MidpointRounding.AwayFromZero) + 0.00m : null;
}
