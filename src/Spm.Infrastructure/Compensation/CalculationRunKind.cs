namespace Spm.Infrastructure.Compensation;

/// <summary>What a run is for.</summary>
public enum CalculationRunKind
{
    /// <summary>The published plans: statements, payouts.</summary>
    Regular,

    /// <summary>A draft plan version in place of its published one: cost comparison only, never paid.</summary>
    WhatIf,
}
