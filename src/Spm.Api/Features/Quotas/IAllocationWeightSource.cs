namespace Spm.Api.Features.Quotas;

/// <summary>How top-down allocation weighs the children of a node.</summary>
public enum AllocationWeightBasis
{
    /// <summary>Every child the same.</summary>
    Equal,

    /// <summary>By the market potential of the accounts in the territories the child owns.</summary>
    TerritoryPotential,

    /// <summary>By the child's credited revenue in the prior period.</summary>
    PriorPeriodActuals,

    /// <summary>Weights given by the caller.</summary>
    Custom,
}

/// <summary>
/// Supplies allocation weights from data another feature owns (territory potential from
/// territories, prior actuals from crediting), so quota allocation does not depend on them.
/// </summary>
public interface IAllocationWeightSource
{
    AllocationWeightBasis Basis { get; }

    /// <summary>A non-negative weight per participant as of <paramref name="asOf"/>; missing ids weigh zero.</summary>
    Task<IReadOnlyDictionary<Guid, decimal>> WeightsAsync(IReadOnlyCollection<Guid> participantIds, DateOnly asOf, CancellationToken cancellationToken);
}
