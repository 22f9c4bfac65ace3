namespace Spm.Infrastructure.Compensation;

/// <summary>Where a plan version stands: drafts can be edited and used for what-ifs; published ones pay.</summary>
public enum CompPlanVersionStatus
{
    /// <summary>Being designed; never used by a regular calculation run.</summary>
    Draft,

    /// <summary>In force from its effective date; immutable.</summary>
    Published,
}
